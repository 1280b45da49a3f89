package io.storebench.engine.sql;

import io.storebench.engine.AbstractEngineProvider;
import io.storebench.engine.Capability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.KeyValueStore;
import io.storebench.engine.OptionRules;
import io.storebench.engine.server.KeptData;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A relational engine over JDBC: {@code postgres} (the PostgreSQL wire: PostgreSQL, CockroachDB)
 * and {@code mysql} (the MySQL wire: MySQL, MariaDB, TiDB). With no {@code url} the store starts
 * its own server ({@link ManagedServer}) under the data directory, on a free loopback port, and
 * stops and removes it at close; with {@code url} it uses that server and starts nothing.
 *
 * <p>One table ({@link SqlSchema}); per-thread connections with their prepared statements; a
 * batch is one transaction, sent {@code batch-rows} rows at a time through the driver's batch
 * rewriting; a scan is {@code ORDER BY key LIMIT n}; a read-modify-write is one transaction
 * ({@code SELECT ... FOR UPDATE}, then the write). Serialization failures and deadlocks are
 * retried with capped exponential backoff ({@link Retrier}) and counted.
 *
 * <p>Security for existing servers: {@code user}, with the password from the engine's environment
 * variable or from {@code password-file}, never an option value; TLS through the driver's own URL
 * parameters.
 */
abstract class SqlEngine extends AbstractEngineProvider {
    static final String URL = "url";
    static final String USER = "user";
    static final String PASSWORD_FILE = "password-file";
    static final String SCHEMA = "schema";
    static final String TABLE = "table";
    static final String BATCH_ROWS = "batch-rows";
    static final String ISOLATION = "isolation";
    static final String RETRIES = "retries";
    static final String RETRY_BACKOFF_MS = "retry-backoff-ms";
    static final String RETRY_BACKOFF_MAX_MS = "retry-backoff-max-ms";
    static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    static final String REQUEST_TIMEOUT_MS = "request-timeout-ms";
    static final String START_TIMEOUT_MS = "start-timeout-ms";
    static final String BIN_DIR = "bin-dir";

    /** Options that configure the managed server and mean nothing with {@code url}. */
    static final List<String> MANAGED_ONLY = List.of(START_TIMEOUT_MS, BIN_DIR, KeptData.OPTION);
    /** Options that configure access to an existing server and mean nothing for the managed one. */
    static final List<String> URL_ONLY = List.of(USER, PASSWORD_FILE);

    private final SqlDialect dialect;
    private final String passwordVariable;

    SqlEngine(SqlDialect dialect, String description, String urlPrefix, String passwordVariable,
            Isolation defaultIsolation, String binDirDefault) {
        super(dialect.engine(), description, EnumSet.of(Capability.RETAINS_DATA, Capability.ORDERED_SCAN,
                Capability.ATOMIC_BATCH, Capability.DURABLE_SYNC, Capability.REMOTE), STRICT_AND_BUFFERED,
                options(urlPrefix, passwordVariable, defaultIsolation, binDirDefault));
        this.dialect = dialect;
        this.passwordVariable = passwordVariable;
    }

    private static List<EngineOption> options(String urlPrefix, String passwordVariable, Isolation isolation,
            String binDirDefault) {
        List<EngineOption> options = new ArrayList<>();
        options.add(EngineOption.text(URL, "existing server to use (nothing is started); empty: start a managed"
                + " server", "", "empty, or " + urlPrefix + "HOST:PORT/DATABASE[?driver parameters]",
                value -> SqlSettings.jdbcUrl(urlPrefix, value)));
        options.add(EngineOption.text(USER, "existing server: user name; the password comes from $" + passwordVariable
                + " or password-file", "", "empty (the URL's own) or a user name", value -> value));
        options.add(EngineOption.text(PASSWORD_FILE, "existing server: file whose first line is the password of user",
                "", "empty or a readable file", OptionRules::readableFileOrEmpty));
        options.add(EngineOption.choice(SCHEMA, "kv: one (key, value) table; ycsb: YCSB's usertable, YCSB_KEY and"
                + " FIELD0..FIELD9", "kv", "kv", "ycsb"));
        options.add(EngineOption.text(TABLE, "the table's name; empty: storebench_kv (kv) or usertable (ycsb)", "",
                "empty or a plain SQL name", SqlSettings::tableName));
        options.add(EngineOption.range(BATCH_ROWS, "rows sent to the server at once in a batch (one statement"
                + " batch, rewritten to multi-row inserts by the driver)", 128, 1, 100_000));
        options.add(EngineOption.choice(ISOLATION, "transaction isolation of every connection", isolation.label(),
                "read-committed", "repeatable-read", "serializable"));
        options.add(EngineOption.range(RETRIES, "retries of a transaction that failed with a serialization failure"
                + " or deadlock, before it is an error", 10, 0, 1_000));
        options.add(EngineOption.range(RETRY_BACKOFF_MS, "wait before the first retry; doubled for each next one",
                1, 0, 60_000));
        options.add(EngineOption.range(RETRY_BACKOFF_MAX_MS, "the longest wait between retries", 100, 0, 600_000));
        options.add(EngineOption.range(CONNECT_TIMEOUT_MS, "how long a connection may take to open", 5_000, 1,
                600_000));
        options.add(EngineOption.range(REQUEST_TIMEOUT_MS, "the driver's socket timeout: the longest wait for an"
                + " answer", 30_000, 1_000, 3_600_000));
        options.add(EngineOption.range(START_TIMEOUT_MS, "managed server: how long it may take to accept"
                + " connections", 60_000, 1_000, 600_000));
        options.add(EngineOption.text(BIN_DIR, "managed server: the directory of its programs; empty: looked up"
                + " (" + binDirDefault + ")", "", "empty or a directory", OptionRules::directoryOrEmpty));
        options.add(KeptData.option("server"));
        return options;
    }

    /** The environment variable holding the password of {@code user}. */
    final String passwordVariable() {
        return passwordVariable;
    }

    @Override
    public int maxKeySize() {
        return dialect.maxKvKeySize();
    }

    @Override
    public KeyValueStore open(EngineConfig config, EngineOptions options) {
        return SqlStore.open(dialect, SqlSettings.of(name(), passwordVariable, config, options));
    }
}
