package io.storebench.engine.server;

import io.storebench.engine.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The password of a server's user, never an option value (so never in a run's records): the first
 * line of a file, or an environment variable.
 */
public final class Passwords {
    private Passwords() {
    }

    /**
     * The first line of {@code passwordFile} if it is given, else the environment variable
     * {@code variable}.
     *
     * @param engine the engine's name, for the messages
     * @throws ConfigurationException if neither has a password; the message names where it looked,
     *     never a value
     */
    public static String read(String engine, String user, Path passwordFile, String variable) {
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) {
                    throw new ConfigurationException(engine + ": password-file " + passwordFile + " is empty");
                }
                return lines.get(0);
            } catch (IOException e) {
                throw new ConfigurationException(engine + ": password-file " + passwordFile + " cannot be read: "
                        + e.getClass().getSimpleName());
            }
        }
        String password = System.getenv(variable);
        if (password == null || password.isEmpty()) {
            throw new ConfigurationException(engine + ": user " + user + " needs a password: set $" + variable
                    + " or give password-file (never the password itself)");
        }
        return password;
    }
}
