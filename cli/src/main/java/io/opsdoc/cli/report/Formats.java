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
        FORMATS.put("json", JsonReporter::new);
        FORMATS.put("sarif", SarifReporter::new);
        // A lambda, not a constructor reference: CheckstyleReporter (and with it Checkstyle) is
        // then loaded only when the format is used, not at every start.
        FORMATS.put("checkstyle", () -> new CheckstyleReporter());
        FORMATS.put("github", GithubReporter::new);
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
