package io.opsdoc.cli.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's own files (action.yml, Dockerfile...), found by walking up from the module folder. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("action.yml")) && Files.isDirectory(p.resolve("examples/planning"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies examples/planning (a planning set with known findings) into {@code target}. */
    static void copyPlanningSet(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(file("examples/planning"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }
}
