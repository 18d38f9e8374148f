package io.opsdoc.core.hcl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the optional shared conformance data by walking up from the working directory. */
final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The directory that contains {@code shared/conformance/hcl}, i.e. the parent of {@code shared}. */
    static Optional<Path> sharedDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("shared/conformance/hcl"))) {
                return Optional.of(dir.resolve("shared"));
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
