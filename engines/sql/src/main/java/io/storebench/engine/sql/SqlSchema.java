package io.storebench.engine.sql;

import io.storebench.engine.ValueBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The table a SQL engine keeps its keys and values in.
 * <ul>
 *   <li>{@link #KV}: {@code (k BYTEA/VARBINARY PRIMARY KEY, v BYTEA/LONGBLOB)}, the bytes as they are;</li>
 *   <li>{@link #YCSB}: YCSB's JDBC binding's {@code usertable}: {@code YCSB_KEY VARCHAR(255)} and ten
 *       {@code FIELD0..FIELD9} columns, so that figures compare with YCSB's. StoreBench's keys are
 *       bytes, so {@code YCSB_KEY} holds them in lower-case hex under a binary collation (which keeps
 *       their unsigned order) and keys are at most 127 bytes; its values are bytes too, so the fields
 *       are binary ({@code BYTEA/LONGBLOB}) rather than YCSB's {@code TEXT}, and a value is cut into
 *       ten pieces, the last taking the remainder.</li>
 * </ul>
 */
enum SqlSchema {
    KV("storebench_kv", "k", 1),
    YCSB("usertable", "YCSB_KEY", 10);

    /** Longest key of {@link #YCSB}: 255 hex characters hold 127 bytes. */
    static final int YCSB_MAX_KEY = 127;
    private static final HexFormat HEX = HexFormat.of();

    private final String defaultTable;
    private final String keyColumn;
    private final int valueColumns;

    SqlSchema(String defaultTable, String keyColumn, int valueColumns) {
        this.defaultTable = defaultTable;
        this.keyColumn = keyColumn;
        this.valueColumns = valueColumns;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    String defaultTable() {
        return defaultTable;
    }

    String keyColumn() {
        return keyColumn;
    }

    int valueColumns() {
        return valueColumns;
    }

    /** The value columns' names, comma-separated, in order. */
    String valueColumnList() {
        if (this == KV) {
            return "v";
        }
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < valueColumns; i++) {
            columns.append(i == 0 ? "" : ", ").append("FIELD").append(i);
        }
        return columns.toString();
    }

    String valueColumn(int index) {
        return this == KV ? "v" : "FIELD" + index;
    }

    /** Binds {@code key} to parameter {@code index}. */
    void bindKey(PreparedStatement statement, int index, byte[] key) throws SQLException {
        if (this == KV) {
            statement.setBytes(index, key);
        } else {
            statement.setString(index, HEX.formatHex(key));
        }
    }

    /** The key in column {@code column} of the current row. */
    byte[] readKey(ResultSet row, int column) throws SQLException {
        return this == KV ? row.getBytes(column) : HEX.parseHex(row.getString(column));
    }

    /** Binds the first {@code length} bytes of {@code value} to the {@link #valueColumns()} parameters from {@code index}. */
    void bindValue(PreparedStatement statement, int index, byte[] value, int length) throws SQLException {
        int piece = length / valueColumns;
        for (int i = 0; i < valueColumns; i++) {
            int from = i * piece;
            int to = i == valueColumns - 1 ? length : from + piece;
            statement.setBytes(index + i, from == 0 && to == value.length ? value
                    : java.util.Arrays.copyOfRange(value, from, to));
        }
    }

    /** Reads the value in the {@link #valueColumns()} columns from {@code column} into {@code into}. */
    void readValue(ResultSet row, int column, ValueBuffer into) throws SQLException {
        if (valueColumns == 1) {
            byte[] value = row.getBytes(column);
            into.set(value, 0, value.length);
            return;
        }
        byte[][] pieces = new byte[valueColumns][];
        int total = 0;
        for (int i = 0; i < valueColumns; i++) {
            pieces[i] = row.getBytes(column + i);
            total += pieces[i].length;
        }
        byte[] value = new byte[total];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, value, at, piece.length);
            at += piece.length;
        }
        into.set(value, 0, total);
    }
}
