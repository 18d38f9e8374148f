package io.opsdoc.core.config;

import io.opsdoc.core.Level;
import io.opsdoc.core.doctype.DocumentType;
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
