package dev.retort.engine.testing;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import dev.retort.engine.TextClause;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in servers for routing tests: each is its own H2 in-memory database with a table {@code whoami} holding the
 * name it was given, so where a connection landed is read from the data with {@link #QUERY}.
 */
public final class WhoAmI {

    /** Answers the name of the database the connection is on. */
    public static final TextClause QUERY = Sql.text("SELECT name FROM whoami");

    private static final AtomicInteger SEQ = new AtomicInteger();

    private WhoAmI() {
    }

    /** A new in-memory H2 database that answers {@code name} to {@link #QUERY}; returns its URL. */
    public static String h2(String name) {
        String url = "h2:mem:whoami_" + SEQ.incrementAndGet();
        try (Engine setup = Engine.create(url); Connection c = setup.connect()) {
            c.execute(Sql.text("CREATE TABLE whoami (name VARCHAR(20))"));
            c.execute(Sql.text("INSERT INTO whoami VALUES (:n)"), Map.of("n", name));
            c.execute(Sql.text("CREATE TABLE items (id INT)"));
            c.commit();
        }
        return url;
    }
}
