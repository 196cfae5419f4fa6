package dev.retort.engine;

import dev.retort.engine.dialect.DialectRegistry;
import dev.retort.engine.exc.ArgumentException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A database URL, SQLAlchemy style ({@code postgresql://scott:tiger@localhost:5432/test?sslmode=disable},
 * {@code mariadb+mariadbconnector://…}, {@code h2:mem:demo}, {@code h2:file:/tmp/db}) or a plain {@code jdbc:} URL
 * whose dialect is inferred from its sub-protocol. User and password are URL-decoded; {@link #toString()} masks the
 * password as {@code ***}.
 */
public final class EngineUrl {

    private final String drivername;
    private final @Nullable String username;
    private final @Nullable String password;
    private final @Nullable String host;
    private final @Nullable Integer port;
    private final @Nullable String database;
    private final Map<String, String> query;
    private final @Nullable String jdbcUrl;

    private EngineUrl(String drivername, @Nullable String username, @Nullable String password, @Nullable String host,
            @Nullable Integer port, @Nullable String database, Map<String, String> query, @Nullable String jdbcUrl) {
        this.drivername = drivername;
        this.username = username;
        this.password = password;
        this.host = host;
        this.port = port;
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
            return new EngineUrl("h2", null, null, null, null, s.substring(3), Map.of(), null);
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
        String host = null;
        Integer port = null;
        if (!rest.isEmpty()) {
            int portColon = rest.startsWith("[") ? rest.indexOf(':', rest.indexOf(']')) : rest.lastIndexOf(':');
            if (portColon >= 0) {
                String p = rest.substring(portColon + 1);
                try {
                    port = Integer.valueOf(p);
                } catch (NumberFormatException e) {
                    throw malformed(new EngineUrl(drivername, user, pass, rest.substring(0, portColon), null, database,
                            query, null).toString(), "port '" + p + "' is not a number");
                }
                rest = rest.substring(0, portColon);
            }
            host = rest;
        }
        return new EngineUrl(drivername, user == null || user.isEmpty() ? null : user, pass, host, port, database,
                query, null);
    }

    private static EngineUrl parseJdbc(String s) {
        int colon = s.indexOf(':', 5);
        if (colon < 0) {
            throw malformed(s, "a jdbc: URL needs a sub-protocol, e.g. jdbc:postgresql://host/db");
        }
        String subprotocol = s.substring(5, colon).toLowerCase(Locale.ROOT);
        return new EngineUrl(subprotocol, null, null, null, null, null, Map.of(), s);
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

    /** The host, or {@code null}. */
    public @Nullable String host() {
        return host;
    }

    /** The port, or {@code null} when the URL has none. */
    public @Nullable Integer port() {
        return port;
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
        return jdbcUrl != null ? jdbcUrl : DialectRegistry.load(this).jdbcUrl(this);
    }

    /** Returns a copy with another user name and password (e.g. from configuration properties). */
    public EngineUrl withCredentials(@Nullable String username, @Nullable String password) {
        return new EngineUrl(drivername, username, password, host, port, database, query, jdbcUrl);
    }

    /** Renders the URL, with the password as {@code ***} when {@code hidePassword}. */
    public String renderAsString(boolean hidePassword) {
        if (jdbcUrl != null) {
            return hidePassword ? maskQuery(jdbcUrl) : jdbcUrl;
        }
        if (host == null && username == null && "h2".equals(drivername) && database != null) {
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
        if (host != null) {
            sb.append(host);
        }
        if (port != null) {
            sb.append(':').append(port);
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
