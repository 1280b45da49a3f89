package io.storebench.engine.sql;

import io.storebench.engine.ConfigurationException;
import io.storebench.engine.Durability;
import io.storebench.engine.EngineConfig;
import io.storebench.engine.EngineOption;
import io.storebench.engine.EngineOptions;
import io.storebench.engine.server.KeptData;
import io.storebench.engine.server.Passwords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A SQL engine's options, typed and checked together once, before anything starts. Holds no
 * secret: the password is read by {@link #password()} when a store opens.
 *
 * @param url the JDBC URL of an existing server, or null for the managed one
 * @param user the user for {@code url}, or null for the URL's own (or the managed server's)
 * @param passwordFile where the password of {@code user} is, or null for the environment variable
 * @param binDir where the managed server's programs are, or null to look them up
 * @param keepData the managed server keeps its data when it stops and starts on the data already there
 * @param cacheBytes the server's buffer pool ({@code shared_buffers}, {@code innodb_buffer_pool_size})
 * @param threads the benchmark threads, for the managed server's connection limit
 */
record SqlSettings(String engine, String passwordVariable, String url, String user, Path passwordFile,
        SqlSchema schema, String table, int batchRows, Isolation isolation, int retries, Duration retryBackoff,
        Duration retryBackoffMax, Duration connectTimeout, Duration requestTimeout, Duration startTimeout, Path binDir,
        boolean keepData, Durability durability, long cacheBytes, int threads, Path dataDirectory) {

    /** Whether the store starts its own server (no url given). */
    boolean managed() {
        return url == null;
    }

    static SqlSettings of(String engine, String passwordVariable, EngineConfig config, EngineOptions options) {
        String url = options.string(SqlEngine.URL);
        boolean managed = url.isEmpty();
        List<String> misplaced = (managed ? SqlEngine.URL_ONLY : SqlEngine.MANAGED_ONLY).stream()
                .filter(config.options()::containsKey).toList();
        if (!misplaced.isEmpty()) {
            throw new ConfigurationException(managed
                    ? engine + ": option(s) " + String.join(", ", misplaced) + " apply to an existing server only;"
                            + " give url too, or leave them out for the managed server"
                    : engine + ": option(s) " + String.join(", ", misplaced) + " configure the managed server, which"
                            + " is not started when url is given; leave them out");
        }
        String user = options.string(SqlEngine.USER);
        Path passwordFile = path(options.string(SqlEngine.PASSWORD_FILE));
        if (passwordFile != null && user.isEmpty()) {
            throw new ConfigurationException(engine + ": password-file is given but user is not; give user too");
        }
        if (options.longValue(SqlEngine.RETRY_BACKOFF_MAX_MS) < options.longValue(SqlEngine.RETRY_BACKOFF_MS)) {
            throw new ConfigurationException(engine + ": retry-backoff-max-ms " + options.string(SqlEngine.RETRY_BACKOFF_MAX_MS)
                    + " is below retry-backoff-ms " + options.string(SqlEngine.RETRY_BACKOFF_MS)
                    + "; allowed: at least retry-backoff-ms");
        }
        SqlSchema schema = SqlSchema.valueOf(options.string(SqlEngine.SCHEMA).toUpperCase(java.util.Locale.ROOT));
        String table = options.string(SqlEngine.TABLE);
        SqlSettings settings = new SqlSettings(engine, passwordVariable, managed ? null : url,
                user.isEmpty() ? null : user, passwordFile, schema, table.isEmpty() ? schema.defaultTable() : table,
                options.intValue(SqlEngine.BATCH_ROWS), Isolation.of(options.string(SqlEngine.ISOLATION)),
                options.intValue(SqlEngine.RETRIES), Duration.ofMillis(options.longValue(SqlEngine.RETRY_BACKOFF_MS)),
                Duration.ofMillis(options.longValue(SqlEngine.RETRY_BACKOFF_MAX_MS)),
                Duration.ofMillis(options.longValue(SqlEngine.CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(options.longValue(SqlEngine.REQUEST_TIMEOUT_MS)),
                Duration.ofMillis(options.longValue(SqlEngine.START_TIMEOUT_MS)),
                path(options.string(SqlEngine.BIN_DIR)), KeptData.of(options), config.durability(), config.cacheBytes(), config.threads(),
                config.dataDirectory());
        if (settings.user() != null) {
            settings.password(); // fails now if there is none
        }
        return settings;
    }

    /**
     * The password of {@link #user()}: the first line of {@code password-file} if given, else the
     * environment variable; null when no user is given (the URL's own, or the managed server's
     * trust on loopback).
     *
     * @throws ConfigurationException if a user is given and neither has a password; the message
     *     names where it looked, never a value
     */
    String password() {
        if (user == null) {
            return null;
        }
        return Passwords.read(engine, user, passwordFile, passwordVariable);
    }

    // ---------------------------------------------------------------- rules for single option values

    /** A rule for the {@code url} option: empty, or a JDBC URL of {@code prefix}. */
    static String jdbcUrl(String prefix, String value) {
        if (value.isEmpty()) {
            return value;
        }
        // a URL may hold a password anywhere: no message shows the value
        if (!value.startsWith(prefix) || value.length() == prefix.length()) {
            throw new EngineOption.SecretInValueException("is not a " + prefix + "... URL");
        }
        if (JdbcUrls.carriesPassword(value)) {
            throw new EngineOption.SecretInValueException("carries a password (a password parameter or user:password@);"
                    + " give user, and the password in the environment variable or password-file, so that it is in no"
                    + " record of the run");
        }
        return value;
    }

    /** A rule for {@code table}: empty (the schema's table) or a plain SQL name, so it is safe in statements. */
    static String tableName(String value) {
        if (!value.isEmpty() && !value.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("is not a plain table name (letters, digits, '_', at most 63)");
        }
        return value;
    }

    private static Path path(String value) {
        return value.isEmpty() ? null : Path.of(value);
    }
}
