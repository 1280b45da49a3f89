package io.storebench.engine.server;

import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;

/**
 * The {@value #OPTION} option of the engines that start a managed server ({@code etcd},
 * {@code postgres}, {@code mysql}): keep the server's data when it stops, and start it on the data
 * already in the data directory. What {@code crashcheck} uses to kill a server and restart it on
 * the same data; off by default, so that a benchmark starts from an empty server and leaves nothing.
 */
public final class KeptData {
    /** The option's name. */
    public static final String OPTION = "keep-data";

    private KeptData() {
    }

    /** The option as each engine documents it; {@code server} names the managed server, e.g. "cluster". */
    public static EngineOption option(String server) {
        return EngineOption.choice(OPTION, "managed " + server + ": keep its data when it stops (close, Ctrl-C, this"
                + " process killed) and start on the data already in the data directory (crash checks); false: start"
                + " empty, remove everything at the end", "false", "false", "true");
    }

    /** Whether {@code options} ask to keep the data. */
    public static boolean of(EngineOptions options) {
        return options.string(OPTION).equals("true");
    }
}
