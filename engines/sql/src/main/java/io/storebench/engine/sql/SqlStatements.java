package io.storebench.engine.sql;

/** The statements of one table in one dialect, written once per store and prepared on every session. */
record SqlStatements(String get, String getForUpdate, String put, String delete, String scan) {

    static SqlStatements of(SqlDialect dialect, String table, SqlSchema schema) {
        String key = schema.keyColumn();
        String values = schema.valueColumnList();
        String get = "SELECT " + values + " FROM " + table + " WHERE " + key + " = ?";
        return new SqlStatements(get, get + " FOR UPDATE", dialect.upsert(table, schema),
                "DELETE FROM " + table + " WHERE " + key + " = ?",
                "SELECT " + key + ", " + values + " FROM " + table + " WHERE " + key + " >= ? ORDER BY " + key
                        + " LIMIT ?");
    }
}
