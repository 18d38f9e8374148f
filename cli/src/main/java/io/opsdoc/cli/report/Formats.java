package io.opsdoc.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The output formats of {@code opsdoc check --format}. */
public final class Formats {
    private static final Map<String, Supplier<Reporter>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("text", TextReporter::new);
    }

    private Formats() {
    }

    public static Optional<Reporter> reporter(String name) {
        return Optional.ofNullable(FORMATS.get(name)).map(Supplier::get);
    }

    public static String names() {
        return String.join(", ", FORMATS.keySet());
    }
}
