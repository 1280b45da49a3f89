package io.storebench.engine.sql;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** The parts of a JDBC URL ({@code jdbc:postgresql://host:port/db?a=1&b=2}) a SQL store reads and adds to. */
final class JdbcUrls {
    private JdbcUrls() {
    }

    /**
     * {@code url} with each of {@code defaults} appended as a parameter unless the URL sets it
     * already (names compared as written: pgjdbc's are case-sensitive).
     */
    static String withDefaults(String url, Properties defaults) {
        Set<String> given = parameterNames(url);
        StringBuilder result = new StringBuilder(url);
        boolean first = url.indexOf('?') < 0;
        for (String name : new java.util.TreeSet<>(defaults.stringPropertyNames())) {
            if (!given.contains(name)) {
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

    /**
     * Whether the URL holds a password: a parameter whose name contains "password" (pgjdbc's
     * {@code password}, {@code sslpassword}; Connector/J's {@code trustCertificateKeyStorePassword}),
     * a {@code user:password@} before the host, or Connector/J's {@code (password=...)} host form.
     */
    static boolean carriesPassword(String url) {
        if (parameterNames(url).stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("password"))) {
            return true;
        }
        int start = url.indexOf("//");
        String authority = start < 0 ? url : url.substring(start + 2);
        int end = authority.indexOf('/');
        int query = authority.indexOf('?');
        end = end < 0 ? query : query < 0 ? end : Math.min(end, query);
        authority = end < 0 ? authority : authority.substring(0, end);
        return authority.contains("@") || authority.toLowerCase(Locale.ROOT).contains("password=");
    }

    /** The names of the URL's parameters, as written. */
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
                names.add(name);
            }
        }
        return names;
    }
}
