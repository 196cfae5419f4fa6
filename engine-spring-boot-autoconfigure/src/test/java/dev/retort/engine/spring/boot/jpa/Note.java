package dev.retort.engine.spring.boot.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A JPA entity stored next to the engine's own table. */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    private Long id;

    private String text;

    /** For JPA. */
    protected Note() {
    }

    Note(long id, String text) {
        this.id = id;
        this.text = text;
    }

    Long getId() {
        return id;
    }

    String getText() {
        return text;
    }
}
