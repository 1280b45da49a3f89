package io.storebench.engine;

/**
 * Bad configuration, found before any engine work starts: an unknown engine, an unknown or
 * invalid option, a durability profile the engine cannot honour, an unusable data directory,
 * a key the engine cannot store. The message names the bad value and what is allowed, in one
 * line fit to show a user as it is.
 */
public class ConfigurationException extends IllegalArgumentException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
