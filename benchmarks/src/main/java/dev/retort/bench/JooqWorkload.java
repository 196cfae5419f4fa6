package dev.retort.bench;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * jOOQ 3.19 with plain SQL templates, a hand-written record mapper and {@code transactionResult}
 * ({@link JooqDslWorkload} is its DSL).
 */
final class JooqWorkload implements Workload {

    static final Table<?> USERS = table("users");
    static final Field<Long> ID = field("id", Long.class);
    static final Field<String> NAME = field("name", String.class);
    static final Field<String> EMAIL = field("email", String.class);
    static final Field<Integer> AGE = field("age", Integer.class);
    static final Field<Boolean> ACTIVE = field("active", Boolean.class);
    static final Field<LocalDateTime> CREATED = field("created", LocalDateTime.class);
    static final RecordMapper<Record, User> MAPPER = r -> new User(r.get(0, Long.class), r.get(1, String.class),
            r.get(2, String.class), r.get(3, Integer.class), r.get(4, Boolean.class), r.get(5, LocalDateTime.class));

    private final DSLContext ctx;

    JooqWorkload(HikariDataSource ds, Database db) {
        this.ctx = context(ds, db);
    }

    /** The context both jOOQ workloads use: the database's dialect, no execute logging, no banner. */
    static DSLContext context(HikariDataSource ds, Database db) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        return DSL.using(ds, db == Database.h2 ? SQLDialect.H2 : SQLDialect.POSTGRES,
                new Settings().withExecuteLogging(false));
    }

    @Override
    public User pointSelect(long id) {
        return ctx.resultQuery(SELECT_BY_ID, id).fetchSingle(MAPPER);
    }

    @Override
    public List<User> fetch1000(long firstId) {
        return ctx.resultQuery(SELECT_RANGE, firstId, firstId + BATCH - 1).fetch(MAPPER);
    }

    @Override
    public long batchInsert1000(List<User> users) {
        return ctx.transactionResult(cfg -> executeBatch(DSL.using(cfg).batch(DSL.using(cfg).query(INSERT,
                new Object[5])), users));
    }

    /** Binds every user's five column values to {@code batch} and executes it; returns the number of rows. */
    static long executeBatch(BatchBindStep batch, List<User> users) {
        for (User u : users) {
            batch.bind(u.name(), u.email(), u.age(), u.active(), u.created());
        }
        return batch.execute().length;
    }

    /** {@code INSERT ... RETURNING id} with the DSL (as both jOOQ workloads insert one row). */
    static Long insertReturningId(DSLContext tx, User user) {
        return tx.insertInto(USERS, NAME, EMAIL, AGE, ACTIVE, CREATED)
                .values(user.name(), user.email(), user.age(), user.active(), user.created())
                .returningResult(ID).fetchOne().value1();
    }

    @Override
    public User txRoundTrip(User user) {
        return ctx.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return tx.resultQuery(SELECT_BY_ID, insertReturningId(tx, user)).fetchSingle(MAPPER);
        });
    }

    @Override
    public long streamAll() {
        return ctx.transactionResult(cfg -> {
            long sum = 0;
            try (Cursor<Record> cursor = DSL.using(cfg).resultQuery(SELECT_ALL).fetchSize(FETCH_SIZE).fetchLazy()) {
                for (Record r : cursor) {
                    sum += r.get(3, Integer.class);
                }
            }
            return sum;
        });
    }

    @Override
    public void close() {
    }
}
