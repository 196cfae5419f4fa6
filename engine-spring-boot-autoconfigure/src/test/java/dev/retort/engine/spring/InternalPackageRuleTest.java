package dev.retort.engine.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.engine.spring.boot.autoconfigure.RetortEngineProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * engine-core's {@code dev.retort.engine.internal} package is not API: no class of this module may reference it
 * (everything the Spring side needs is on the public {@code Pool}, {@code PoolSettings} and {@code Engine}). The
 * compiled classes are checked, so fully qualified names and imports are caught alike.
 */
class InternalPackageRuleTest {

    @Test
    void noClassOfThisModuleReferencesEngineInternals() throws Exception {
        Path classes = Path.of(RetortEngineProperties.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        byte[] internal = "dev/retort/engine/internal".getBytes(StandardCharsets.UTF_8);
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> contains(read(f), internal))
                    .map(f -> classes.relativize(f).toString()).toList();
        }
        assertThat(offenders).as("classes referencing dev.retort.engine.internal").isEmpty();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
