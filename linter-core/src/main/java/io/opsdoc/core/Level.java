package io.opsdoc.core;

import java.util.Locale;
import java.util.Optional;

/** Severity of a finding; the order is from most to least severe. */
public enum Level {
    ERROR, WARNING, NOTE;

    /** Lower-case name as users write it in configuration and SARIF expects it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Level threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning", "warn" -> Optional.of(WARNING);
            case "note", "info" -> Optional.of(NOTE);
            default -> Optional.empty();
        };
    }
}
