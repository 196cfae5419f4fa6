package dev.retort.bench;

import static dev.retort.bench.JooqWorkload.ACTIVE;
import static dev.retort.bench.JooqWorkload.AGE;
import static dev.retort.bench.JooqWorkload.CREATED;
import static dev.retort.bench.JooqWorkload.EMAIL;
import static dev.retort.bench.JooqWorkload.ID;
import static dev.retort.bench.JooqWorkload.MAPPER;
import static dev.retort.bench.JooqWorkload.NAME;
import static dev.retort.bench.JooqWorkload.USERS;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * jOOQ 3.19's DSL (over the same plain-SQL names as {@link JooqWorkload}, no generated code): every query built per
 * call and rendered to SQL on every execution, the counterpart of {@code retortExpr}.
 */
final class JooqDslWorkload implements Workload {

    private final DSLContext ctx;

    JooqDslWorkload(HikariDataSource ds, Database db) {
        this.ctx = JooqWorkload.context(ds, db);
    }

    @Override
    public User pointSelect(long id) {
        return ctx.select(ID, NAME, EMAIL, AGE, ACTIVE, CREATED).from(USERS).where(ID.eq(id)).fetchSingle(MAPPER);
    }

    @Override
    public List<User> fetch1000(long firstId) {
        return ctx.select(ID, NAME, EMAIL, AGE, ACTIVE, CREATED).from(USERS)
                .where(ID.between(firstId, firstId + BATCH - 1)).orderBy(ID).fetch(MAPPER);
    }

    @Override
    public long batchInsert1000(List<User> users) {
        return ctx.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return JooqWorkload.executeBatch(tx.batch(tx.insertInto(USERS, NAME, EMAIL, AGE, ACTIVE, CREATED)
                    .values((String) null, (String) null, (Integer) null, (Boolean) null, (LocalDateTime) null)),
                    users);
        });
    }

    @Override
    public User txRoundTrip(User user) {
        return ctx.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Long id = JooqWorkload.insertReturningId(tx, user);
            return tx.select(ID, NAME, EMAIL, AGE, ACTIVE, CREATED).from(USERS).where(ID.eq(id)).fetchSingle(MAPPER);
        });
    }

    @Override
    public long streamAll() {
        return ctx.transactionResult(cfg -> {
            long sum = 0;
            try (Cursor<? extends Record> cursor = DSL.using(cfg).select(ID, NAME, EMAIL, AGE, ACTIVE, CREATED).from(USERS)
                    .fetchSize(FETCH_SIZE).fetchLazy()) {
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
