package io.opsdoc.core.rule;

import java.nio.file.Path;

/** A fix that creates a file that does not exist yet (never overwrites). */
public record FileCreation(Path path, String content) {
}
