package dev.retort.engine;

import dev.retort.engine.dialect.DialectRegistry;
import dev.retort.engine.exc.ArgumentException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A database URL, SQLAlchemy style ({@code postgresql://scott:tiger@localhost:5432/test?sslmode=disable},
 * {@code mariadb+mariadbconnector://…}, {@code h2:mem:demo}, {@code h2:file:/tmp/db}) or a plain {@code jdbc:} URL
 * whose dialect is inferred from its sub-protocol. User and password are URL-decoded; {@link #toString()} masks the
 * password as {@code ***}.
 *
 * <p>Several hosts may be listed, comma-separated ({@code postgresql://u:p@h1:5432,h2:5433/db?target_session_attrs=
 * read-write}, or the {@code jdbc:} form {@code jdbc:postgresql://h1:5432,h2:5433/db}): {@link #hosts()} lists them
 * in order, {@link #host()} and {@link #port()} are the first one's. The driver tries them in turn (failover); for
 * PostgreSQL libpq's {@code target_session_attrs} and {@code load_balance_hosts} become pgjdbc's
 * {@code targetServerType} and {@code loadBalanceHosts}.
 */
public final class EngineUrl {

    /**
     * One host of a URL.
     *
     * @param host the host name or address ({@code [..]} kept around IPv6 addresses)
     * @param port the port, or {@code null} for the driver's default
     */
    public record Host(String host, @Nullable Integer port) {

        /** {@code host} or {@code host:port}. */
        @Override
        public String toString() {
            return port == null ? host : host + ":" + port;
        }
    }

    private final String drivername;
    private final @Nullable String username;
    private final @Nullable String password;
    private final List<Host> hosts;
    private final @Nullable String database;
    private final Map<String, String> query;
    private final @Nullable String jdbcUrl;

    private EngineUrl(String drivername, @Nullable String username, @Nullable String password, List<Host> hosts,
            @Nullable String database, Map<String, String> query, @Nullable String jdbcUrl) {
        this.drivername = drivername;
        this.username = username;
        this.password = password;
        this.hosts = hosts;
        this.database = database;
        this.query = query;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Parses a URL.
     *
     * @throws ArgumentException when the URL is malformed; the message shows the URL with its password masked
     */
    public static EngineUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        String s = url.trim();
        if (s.isEmpty()) {
            throw new ArgumentException("Database URL is empty; expected e.g. postgresql://user:password@host:5432/db, "
                    + "h2:mem:name or a jdbc: URL");
        }
        if (s.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return parseJdbc(s);
        }
        if (s.regionMatches(true, 0, "h2:", 0, 3)) {
            return new EngineUrl("h2", null, null, List.of(), s.substring(3), Map.of(), null);
        }
        int scheme = s.indexOf("://");
        if (scheme <= 0) {
            throw malformed(s, "it has no 'dialect://' prefix");
        }
        String drivername = s.substring(0, scheme).toLowerCase(Locale.ROOT);
        String rest = s.substring(scheme + 3);
        Map<String, String> query = Map.of();
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = parseQuery(rest.substring(q + 1), s);
            rest = rest.substring(0, q);
        }
        String user = null;
        String pass = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userinfo.indexOf(':');
            user = decode(colon >= 0 ? userinfo.substring(0, colon) : userinfo);
            pass = colon >= 0 ? decode(userinfo.substring(colon + 1)) : null;
        }
        String database = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            database = rest.substring(slash + 1);
            database = database.isEmpty() ? null : decode(database);
            rest = rest.substring(0, slash);
        }
        String userName = user == null || user.isEmpty() ? null : user;
        String masked = drivername + "://" + (userName != null ? userName + (pass != null ? ":***" : "") + "@" : "")
                + rest + (database != null ? "/" + database : "");
        return new EngineUrl(drivername, userName, pass, parseHosts(rest, masked), database, query, null);
    }

    /**
     * Parses {@code host[:port][,host[:port]…]}; IPv6 addresses in brackets. {@code shown} is the URL (password
     * masked) for error messages.
     */
    private static List<Host> parseHosts(String authority, String shown) {
        if (authority.isEmpty()) {
            return List.of();
        }
        List<Host> hosts = new ArrayList<>();
        for (String part : authority.split(",", -1)) {
            if (part.isEmpty()) {
                throw malformed(shown, "the host list '" + authority + "' has an empty entry");
            }
            int portColon = part.startsWith("[") ? part.indexOf(':', part.indexOf(']')) : part.lastIndexOf(':');
            Integer port = null;
            String host = part;
            if (portColon >= 0) {
                String p = part.substring(portColon + 1);
                try {
                    port = Integer.valueOf(p);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw malformed(shown, "port '" + p + "' is " + (port == -1 ? "not a number"
                            : "out of range (1-65535)"));
                }
                host = part.substring(0, portColon);
            }
            if (host.isEmpty()) {
                throw malformed(shown, "a host in '" + authority + "' has a port but no name");
            }
            hosts.add(new Host(host, port));
        }
        return List.copyOf(hosts);
    }

    private static EngineUrl parseJdbc(String s) {
        int colon = s.indexOf(':', 5);
        if (colon < 0) {
            throw malformed(s, "a jdbc: URL needs a sub-protocol, e.g. jdbc:postgresql://host/db");
        }
        String subprotocol = s.substring(5, colon).toLowerCase(Locale.ROOT);
        return new EngineUrl(subprotocol, null, null, jdbcHosts(s, colon), null, Map.of(), s);
    }

    /** The hosts of {@code jdbc:sub://[user[:pw]@]h1[:p1][,h2[:p2]…]/…}; none for other forms (H2, Oracle thin). */
    private static List<Host> jdbcHosts(String s, int colon) {
        if (!s.startsWith("//", colon + 1)) {
            return List.of();
        }
        int start = colon + 3;
        int end = start;
        while (end < s.length() && "/?;".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String authority = s.substring(start, end);
        int at = authority.lastIndexOf('@');
        return parseHosts(at >= 0 ? authority.substring(at + 1) : authority, s);
    }

    private static Map<String, String> parseQuery(String q, String url) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw malformed(maskQuery(url), "query parameter '" + pair + "' has no value");
            }
            map.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return Collections.unmodifiableMap(map);
    }

    private static final java.util.regex.Pattern USERINFO_PASSWORD =
            java.util.regex.Pattern.compile("(//[^/:@\\s']*:|:thin:[^/@\\s']*/)[^@/\\s']*@");
    private static final java.util.regex.Pattern PASSWORD_PARAMETER =
            java.util.regex.Pattern.compile("(?i)(password=)[^&;]*");

    /** Masks passwords in user-info ({@code //user:pw@}, Oracle's {@code :thin:user/pw@}) and in parameters. */
    private static String maskQuery(String url) {
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1***@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1***");
    }

    /** Masks every password a URL string may carry (for messages about URLs that could not be parsed). */
    public static String mask(String url) {
        return maskQuery(url);
    }

    private static ArgumentException malformed(String shown, String why) {
        return new ArgumentException("Could not parse database URL '" + maskQuery(shown) + "': " + why
                + ". Expected dialect[+driver]://user:password@host:port/database?key=value (URL-encode special "
                + "characters in the password), h2:mem:NAME, h2:file:PATH or a jdbc: URL");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The full driver name, e.g. {@code postgresql+pgjdbc}, or just the dialect name when no driver is given. */
    public String drivername() {
        return drivername;
    }

    /** The dialect part, e.g. {@code postgresql}. */
    public String dialectName() {
        int plus = drivername.indexOf('+');
        String name = plus >= 0 ? drivername.substring(0, plus) : drivername;
        return jdbcUrl != null ? DialectRegistry.dialectNameForJdbcSubprotocol(name) : name;
    }

    /** The driver part after {@code +}, or {@code null}. */
    public @Nullable String driver() {
        int plus = drivername.indexOf('+');
        return plus >= 0 ? drivername.substring(plus + 1) : null;
    }

    /** The decoded user name, or {@code null}. */
    public @Nullable String username() {
        return username;
    }

    /** The decoded password, or {@code null}. */
    public @Nullable String password() {
        return password;
    }

    /** The (first) host, or {@code null}. */
    public @Nullable String host() {
        return hosts.isEmpty() ? null : hosts.get(0).host();
    }

    /** The (first host's) port, or {@code null} when the URL has none. */
    public @Nullable Integer port() {
        return hosts.isEmpty() ? null : hosts.get(0).port();
    }

    /** Every host in the order given (several for a failover URL), empty for URLs without hosts such as H2's. */
    public List<Host> hosts() {
        return hosts;
    }

    /** The database (for {@code h2:} URLs, {@code mem:NAME} or {@code file:PATH}), or {@code null}. */
    public @Nullable String database() {
        return database;
    }

    /** The query parameters, unmodifiable. */
    public Map<String, String> query() {
        return query;
    }

    /** Whether this is a {@code jdbc:} URL passed through as is. */
    public boolean isJdbc() {
        return jdbcUrl != null;
    }

    /** The {@code jdbc:} URL as given, or {@code null} for SQLAlchemy-style URLs. */
    public @Nullable String rawJdbcUrl() {
        return jdbcUrl;
    }

    /** The JDBC URL the dialect builds from this URL (user and password are passed separately, never in it). */
    public String toJdbcUrl() {
        return jdbcUrl != null ? DialectRegistry.load(this).translateJdbcUrl(jdbcUrl)
                : DialectRegistry.load(this).jdbcUrl(this);
    }

    /** Returns a copy with another user name and password (e.g. from configuration properties). */
    public EngineUrl withCredentials(@Nullable String username, @Nullable String password) {
        return new EngineUrl(drivername, username, password, hosts, database, query, jdbcUrl);
    }

    /** Renders the URL, with the password as {@code ***} when {@code hidePassword}. */
    public String renderAsString(boolean hidePassword) {
        if (jdbcUrl != null) {
            return hidePassword ? maskQuery(jdbcUrl) : jdbcUrl;
        }
        if (hosts.isEmpty() && username == null && "h2".equals(drivername) && database != null) {
            return "h2:" + database;
        }
        StringBuilder sb = new StringBuilder(drivername).append("://");
        if (username != null) {
            sb.append(URLEncoder.encode(username, StandardCharsets.UTF_8));
            if (password != null) {
                sb.append(':').append(hidePassword ? "***" : URLEncoder.encode(password, StandardCharsets.UTF_8));
            }
            sb.append('@');
        }
        for (int i = 0; i < hosts.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(hosts.get(i));
        }
        if (database != null) {
            sb.append('/').append(database);
        }
        if (!query.isEmpty()) {
            sb.append('?');
            boolean first = true;
            for (Map.Entry<String, String> e : query.entrySet()) {
                if (!first) {
                    sb.append('&');
                }
                first = false;
                boolean secret = hidePassword && e.getKey().toLowerCase(Locale.ROOT).contains("password");
                sb.append(e.getKey()).append('=').append(secret ? "***" : e.getValue());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return renderAsString(true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineUrl other && renderAsString(false).equals(other.renderAsString(false));
    }

    @Override
    public int hashCode() {
        return renderAsString(false).hashCode();
    }
}
