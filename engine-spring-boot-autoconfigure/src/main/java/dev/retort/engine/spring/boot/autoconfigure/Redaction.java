package dev.retort.engine.spring.boot.autoconfigure;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Keeps passwords out of start-up error messages. */
final class Redaction {

    private static final Pattern USERINFO = Pattern.compile("(//[^/:@\\s']*:)[^@/\\s']*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s']*");

    private Redaction() {
    }

    /** {@code text} with {@code user:password@} and {@code password=…} masked, and {@code password} itself. */
    static @Nullable String redact(@Nullable String text, @Nullable String password) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (password != null && !password.isEmpty()) {
            masked = masked.replace(password, "***");
        }
        masked = USERINFO.matcher(masked).replaceAll("$1***@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }
}
