package io.storebench.engine.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/** One-value queries on the store's own connection: server counters and versions. */
final class SqlQueries {
    private SqlQueries() {
    }

    /** The first column of the first row of {@code sql}, as a long. */
    static long longOf(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new SQLException("no row from " + sql);
            }
            return row.getLong(1);
        }
    }

    /** {@link #longOf}, or empty when the server refuses the query. */
    static OptionalLong tryLongOf(Connection connection, String sql) {
        try {
            return OptionalLong.of(longOf(connection, sql));
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }

    /** The first column of the first row of {@code sql}, as text. */
    static String stringOf(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            if (!row.next()) {
                throw new SQLException("no row from " + sql);
            }
            return row.getString(1);
        }
    }
}
