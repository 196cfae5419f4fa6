package dev.retort.bench;

import java.util.Objects;

/** Set-up assertions: a benchmark that measures a wrong answer is worse than none. */
final class Check {

    private Check() {
    }

    static void equal(Object actual, Object expected, String what) {
        if (!Objects.equals(String.valueOf(actual), String.valueOf(expected))) {
            throw new IllegalStateException(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void user(User u, long id) {
        equal(u.id(), id, "id");
        int i = (int) id - 1;
        equal(u.name(), "user" + i, "name");
        equal(u.age(), 18 + i % 60, "age");
        equal(u.created(), Database.BASE_TIME.plusMinutes(i), "created");
    }
}
