package io.storebench.engine.sql;

import io.storebench.engine.EngineProfile;
import io.storebench.engine.LibraryVersion;
import java.util.Map;

/**
 * {@code mysql}: the MySQL wire through MySQL Connector/J, a managed local MariaDB server by
 * default; MySQL, TiDB (and any other MySQL-wire server) through {@code url}. Connector/J rather
 * than MariaDB Connector/J because TiDB's Java guidance is written for it (server-side prepared
 * statements and their cache, {@code rewriteBatchedStatements}, {@code useConfigs=maxPerformance}),
 * and it speaks to MariaDB as well. See {@link SqlEngine}.
 */
public final class MysqlEngine extends SqlEngine {
    public static final String NAME = "mysql";
    /** The environment variable holding the password of {@code user}. */
    public static final String PASSWORD_VARIABLE = "STOREBENCH_MYSQL_PASSWORD";

    public MysqlEngine() {
        super(new MysqlDialect(), "MySQL wire (MariaDB, MySQL, TiDB) over JDBC (Connector/J); starts its own loopback"
                + " MariaDB unless given a url", "jdbc:mysql://", PASSWORD_VARIABLE, Isolation.REPEATABLE_READ,
                "PATH, then /usr/sbin and /usr/bin");
    }

    @Override
    public EngineProfile profile() {
        return new EngineProfile("relational (one InnoDB table, clustered primary key), server process",
                "ACID transactions; isolation from the isolation option; a batch and a read-modify-write are one"
                        + " transaction each",
                "strict: innodb_flush_log_at_trx_commit=1, sync_binlog=1 (redo log flushed before the ack);"
                        + " buffered: innodb_flush_log_at_trx_commit=2 (managed server)",
                "JDBC (MySQL Connector/J) over TCP");
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("mysql-connector-j", LibraryVersion.of(com.mysql.cj.jdbc.Driver.class, "com.mysql",
                "mysql-connector-j"));
    }
}
