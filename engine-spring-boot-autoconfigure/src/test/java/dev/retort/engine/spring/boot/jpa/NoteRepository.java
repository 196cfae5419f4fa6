package dev.retort.engine.spring.boot.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA repository of {@link Note}s. */
public interface NoteRepository extends JpaRepository<Note, Long> {
}
