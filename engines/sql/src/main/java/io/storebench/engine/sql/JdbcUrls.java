package io.storebench.engine.sql;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** The parts of a JDBC URL ({@code jdbc:postgresql://host:port/db?a=1&b=2}) a SQL store reads and adds to. */
final class JdbcUrls {
    private JdbcUrls() {
    }

    /** {@code url} with each of {@code defaults} appended as a parameter unless the URL sets it already. */
    static String withDefaults(String url, Properties defaults) {
        Set<String> given = parameterNames(url);
        StringBuilder result = new StringBuilder(url);
        boolean first = url.indexOf('?') < 0;
        for (String name : new java.util.TreeSet<>(defaults.stringPropertyNames())) {
            if (!given.contains(name.toLowerCase(Locale.ROOT))) {
                result.append(first ? '?' : '&').append(name).append('=').append(defaults.getProperty(name));
                first = false;
            }
        }
        return result.toString();
    }

    /** The URL without its parameters: what messages show (a parameter may hold something private). */
    static String display(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The names of the URL's parameters, in lower case. */
    static Set<String> parameterNames(String url) {
        Set<String> names = new LinkedHashSet<>();
        int query = url.indexOf('?');
        if (query < 0) {
            return names;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
