package dev.retort.bench;

import java.time.LocalDateTime;

/** One row of {@code users}, the record every library maps to. */
public record User(long id, String name, String email, int age, boolean active, LocalDateTime created) {
}
