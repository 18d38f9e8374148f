package io.opsdoc.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shared corpus of real-world Markdown ({@code shared/corpus} in a folder above the working
 * directory), which a user's clone does not have: tests that read it assume it is present and
 * are skipped when it is not.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** The corpus folder, looked for from the working directory upwards. */
    public static Optional<Path> find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The corpus's Markdown files, sorted; empty without a corpus. */
    public static List<Path> markdownFiles() {
        Optional<Path> corpus = find();
        if (corpus.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(corpus.get())) {
            return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
