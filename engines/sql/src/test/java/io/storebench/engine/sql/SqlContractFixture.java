package io.storebench.engine.sql;

import io.storebench.engine.contract.ContractFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contract kit's fixtures for the SQL engines, each with two setups:
 * <ul>
 *   <li>{@code managed ...}: the engine as a run uses it by default; every case opens a store that
 *       starts its own server and stops and removes it at close;</li>
 *   <li>{@code existing server ...}: a real server started once for the contract class and reached
 *       through {@code url}, as CockroachDB or TiDB would be; each case uses a table of its own, so
 *       it sees an empty store; the {@code ycsb} schema's {@code usertable} layout there.</li>
 * </ul>
 * Without the server's programs both skip (fail under CI), as {@link SqlTesting} says.
 */
public abstract class SqlContractFixture implements ContractFixture {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final SqlTesting.Kind kind;
    private final String managedLabel;

    SqlContractFixture(SqlTesting.Kind kind, String managedLabel) {
        this.kind = kind;
        this.managedLabel = managedLabel;
    }

    @Override
    public String engine() {
        return kind.engine();
    }

    @Override
    public List<Setup> setups() {
        return List.of(new Setup(managedLabel, () -> {
            if (kind == SqlTesting.Kind.POSTGRES) {
                SqlTesting.requirePostgres();
            } else {
                SqlTesting.requireMariaDb();
            }
            return Map::of;
        }), existing("existing server, kv schema", "kv"), existing("existing server, ycsb schema", "ycsb"));
    }

    private Setup existing(String label, String schema) {
        return new Setup(label, () -> {
            Path directory = Files.createTempDirectory("storebench-sql-contract");
            SqlTesting.Server server = new SqlTesting.Server(kind, directory, null);
            return new Running() {
                @Override
                public Map<String, String> options() {
                    return Map.of("url", server.urlWithUser(), "schema", schema, "table",
                            "contract_" + TABLES.incrementAndGet(), "batch-rows", "3");
                }

                @Override
                public void stop() throws IOException {
                    server.close();
                    Files.deleteIfExists(directory);
                }
            };
        });
    }

    /** {@code postgres} against PostgreSQL 15. */
    public static final class Postgres extends SqlContractFixture {
        public Postgres() {
            super(SqlTesting.Kind.POSTGRES, "managed PostgreSQL");
        }
    }

    /** {@code mysql} against MariaDB 10.11. */
    public static final class Mysql extends SqlContractFixture {
        public Mysql() {
            super(SqlTesting.Kind.MARIADB, "managed MariaDB");
        }
    }
}
