package io.opsdoc.core.config;

import io.opsdoc.core.Level;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.text.Printable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration file as written (validated for shape, not yet for rule ids, which need the
 * full rule catalogue). {@code path} is empty for the built-in presets.
 */
record ConfigFile(
        Optional<Path> path,
        String display,
        boolean quotable,
        boolean root,
        List<Extends> extendsList,
        List<RuleEntry> rules,
        List<DocumentEntry> documents,
        List<DocumentType> types,
        List<String> ignore,
        List<CustomRuleDefinition> customRules,
        Map<String, ConfigLocation> customRuleLocations,
        List<String> notesToWarnings) {

    ConfigFile {
        extendsList = List.copyOf(extendsList);
        rules = List.copyOf(rules);
        documents = List.copyOf(documents);
        types = List.copyOf(types);
        ignore = List.copyOf(ignore);
        customRules = List.copyOf(customRules);
        customRuleLocations = Map.copyOf(customRuleLocations);
        notesToWarnings = List.copyOf(notesToWarnings);
    }

    /** Longest quoted value in a message: enough to recognise it, not enough to flood a terminal. */
    private static final int QUOTE_LIMIT = 80;

    /**
     * {@code value} (a key or value written in this file) as it may appear in an error message:
     * quoted, shortened and with control characters escaped for the user's own files; not at all
     * for a file reached only through {@code extends}, which may be any file the extending one
     * named (a {@code .env}, {@code /etc/passwd}) and must never be echoed.
     */
    String quote(String value) {
        return quote(value, quotable);
    }

    static String quote(String value, boolean quotable) {
        if (!quotable) {
            return "(not shown)";
        }
        int end = Character.isHighSurrogate(value.charAt(Math.min(QUOTE_LIMIT, value.length()) - 1)) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
        String shown = value.length() > QUOTE_LIMIT ? value.substring(0, end) + "..." : value;
        return "'" + Printable.escape(shown) + "'";
    }

    /** The folder relative globs are resolved against; empty for presets. */
    Optional<Path> folder() {
        return path.map(p -> p.toAbsolutePath().normalize().getParent());
    }

    record Extends(String target, ConfigLocation at) {
    }

    /** What a {@code rules:} entry does to the rules it names. */
    enum Action { OFF, ON, LEVEL, OPTIONS_ONLY }

    record RuleEntry(String pattern, ConfigLocation at, Action action, Optional<Level> level,
            Map<String, Object> options, Map<String, ConfigLocation> optionLocations) {
        RuleEntry {
            options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
            optionLocations = Map.copyOf(optionLocations);
        }

        boolean glob() {
            return pattern.contains("*");
        }
    }

    record DocumentEntry(String glob, String type, ConfigLocation at) {
    }
}
