package io.storebench.engine.sql;

import io.storebench.engine.EngineProfile;
import io.storebench.engine.LibraryVersion;
import java.util.Map;

/**
 * {@code postgres}: PostgreSQL over the PostgreSQL wire through pgjdbc, a managed local
 * PostgreSQL server by default; CockroachDB (and any other PostgreSQL-wire server) through
 * {@code url}. See {@link SqlEngine}.
 */
public final class PostgresEngine extends SqlEngine {
    public static final String NAME = "postgres";
    /** The environment variable holding the password of {@code user}. */
    public static final String PASSWORD_VARIABLE = "STOREBENCH_POSTGRES_PASSWORD";

    public PostgresEngine() {
        super(new PostgresDialect(), "PostgreSQL wire (PostgreSQL, CockroachDB) over JDBC (pgjdbc); starts its own"
                + " loopback PostgreSQL unless given a url", "jdbc:postgresql://", PASSWORD_VARIABLE,
                Isolation.READ_COMMITTED, "PATH, then /usr/lib/postgresql/N/bin");
    }

    @Override
    public EngineProfile profile() {
        return new EngineProfile("relational (one table, B-tree primary key), server process",
                "ACID transactions; isolation from the isolation option; a batch and a read-modify-write are one"
                        + " transaction each",
                "strict: synchronous_commit=on, fsync=on (WAL flushed before the ack); buffered:"
                        + " synchronous_commit=on, fsync=off (WAL written to the OS before the ack, never flushed;"
                        + " managed server)",
                "JDBC (pgjdbc) over TCP");
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("pgjdbc", LibraryVersion.of(org.postgresql.Driver.class, "org.postgresql", "postgresql"));
    }
}
