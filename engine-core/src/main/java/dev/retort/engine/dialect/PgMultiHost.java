package dev.retort.engine.dialect;

import dev.retort.engine.exc.ArgumentException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * libpq's multi-host parameters in pgjdbc's spelling: {@code target_session_attrs} becomes {@code targetServerType}
 * ({@code read-write} and {@code primary} → {@code primary}, {@code read-only} and {@code standby} →
 * {@code secondary}, {@code prefer-standby} → {@code preferSecondary}, {@code any} → {@code any}) and
 * {@code load_balance_hosts} ({@code random}/{@code disable}) becomes {@code loadBalanceHosts} ({@code true}/
 * {@code false}). pgjdbc ignores parameters it does not know, so leaving libpq's names untranslated would silently
 * lose the failover rule.
 */
final class PgMultiHost {

    static final String TARGET_SESSION_ATTRS = "target_session_attrs";
    static final String LOAD_BALANCE_HOSTS = "load_balance_hosts";

    private PgMultiHost() {
    }

    /** The driver parameters for {@code query}, libpq's names translated; {@code query} itself when it has none. */
    static Map<String, String> driverParameters(Map<String, String> query) {
        if (!query.containsKey(TARGET_SESSION_ATTRS) && !query.containsKey(LOAD_BALANCE_HOSTS)) {
            return query;
        }
        Map<String, String> out = new LinkedHashMap<>();
        query.forEach((key, value) -> {
            switch (key) {
                case TARGET_SESSION_ATTRS -> put(out, query, "targetServerType", targetServerType(value));
                case LOAD_BALANCE_HOSTS -> put(out, query, "loadBalanceHosts", loadBalanceHosts(value));
                default -> out.put(key, value);
            }
        });
        return out;
    }

    /** A {@code jdbc:postgresql:} URL with libpq's parameter names in its query translated. */
    static String translate(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0 || (!jdbcUrl.contains(TARGET_SESSION_ATTRS) && !jdbcUrl.contains(LOAD_BALANCE_HOSTS))) {
            return jdbcUrl;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : jdbcUrl.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (!pair.isEmpty()) {
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        StringBuilder sb = new StringBuilder(jdbcUrl.substring(0, q));
        char sep = '?';
        for (Map.Entry<String, String> e : driverParameters(query).entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = '&';
        }
        return sb.toString();
    }

    private static void put(Map<String, String> out, Map<String, String> query, String driverKey, String value) {
        if (query.containsKey(driverKey) && !query.get(driverKey).equalsIgnoreCase(value)) {
            throw new ArgumentException("The URL sets both libpq's and pgjdbc's name for one setting, with different "
                    + "values (" + driverKey + "=" + query.get(driverKey) + " versus " + value + "); keep one of them");
        }
        out.put(driverKey, value);
    }

    private static String targetServerType(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "any" -> "any";
            case "read-write", "primary" -> "primary";
            case "read-only", "standby" -> "secondary";
            case "prefer-standby" -> "preferSecondary";
            case "prefer-primary" -> "preferPrimary";
            default -> throw new ArgumentException("Invalid target_session_attrs '" + value + "': use any, read-write, "
                    + "primary, read-only, standby, prefer-standby or prefer-primary");
        };
    }

    private static String loadBalanceHosts(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "random", "true" -> "true";
            case "disable", "false" -> "false";
            default -> throw new ArgumentException("Invalid load_balance_hosts '" + value + "': use random (pick a "
                    + "host at random) or disable (try them in order)");
        };
    }
}
