package dev.retort.engine.spring.boot.jpa;

import dev.retort.engine.Connection;
import dev.retort.engine.Engine;
import dev.retort.engine.Sql;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes through JPA and through the engine in one {@code @Transactional} method. */
@Service
public class NoteService {

    private final NoteRepository notes;
    private final Engine engine;

    NoteService(NoteRepository notes, Engine engine) {
        this.notes = notes;
        this.engine = engine;
    }

    /**
     * Saves a note through JPA (flushed, so the row is in the database), then writes an audit row through the engine
     * and reads the note back through it, and fails afterwards if asked to.
     *
     * @return how many notes with {@code id} the engine saw inside the transaction
     */
    @Transactional
    public long saveBoth(long id, boolean fail) {
        notes.saveAndFlush(new Note(id, "jpa"));
        long seen = engine.withConnection(c -> {
            c.execute(Sql.text("INSERT INTO engine_audit (note_id) VALUES (:id)"), Map.of("id", id));
            return ((Number) c.scalar(Sql.text("SELECT COUNT(*) FROM notes WHERE id = :id"), Map.of("id", id)))
                    .longValue();
        });
        if (fail) {
            throw new IllegalStateException("failing after both writes");
        }
        return seen;
    }

    /**
     * Saves a note through JPA, then writes through an engine sub-transaction that it rolls back (as a
     * {@code try (Connection c = engine.connect()) { c.begin(); ... }} without commit does), and returns normally.
     */
    @Transactional
    public void saveThenRollBackAnEngineSubTransaction(long id) {
        notes.saveAndFlush(new Note(id, "jpa"));
        try (Connection c = engine.connect()) {
            var tx = c.begin();
            c.execute(Sql.text("INSERT INTO engine_audit (note_id) VALUES (:id)"), Map.of("id", id));
            tx.rollback();
        }
    }

    /** Saves a note through JPA inside a transaction of the engine's own transaction manager. */
    @Transactional("retortTransactionManager")
    public void saveUnderTheEngineTransactionManager(long id) {
        engine.withConnection(c -> c.execute(Sql.text("INSERT INTO engine_audit (note_id) VALUES (:id)"),
                Map.of("id", id)));
        notes.saveAndFlush(new Note(id, "jpa"));
    }
}
