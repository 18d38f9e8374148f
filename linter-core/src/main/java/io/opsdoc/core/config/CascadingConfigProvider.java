package io.opsdoc.core.config;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config.ScopedGlob;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.text.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cascading configuration: the files that apply to a folder (outermost first, each after the
 * files it extends) refine one another. Rule entries apply in order within a file, family globs
 * before exact ids; a later file wins. The result for each folder is computed once.
 *
 * <p>Every file is validated against the rule catalogue when first used (unknown rule ids and
 * option names, wrong option types, unknown document types), so a mistake is an error, not a
 * silently ignored line. Custom rules are in scope only for files whose configuration (or what it
 * extends) declares them; elsewhere they are off.
 */
public final class CascadingConfigProvider implements ConfigProvider {
    /** Rule families of the catalogue: a glob over a family with no rule yet is still valid. */
    private static final Set<String> FAMILIES = Set.of("markdown", "syntax", "structure", "security", "github-actions",
            "kubernetes", "prometheus", "terraform", "criteria", "principles", "consistency", "config", "custom");

    private final ConfigLoader loader;
    private final Map<String, RuleMeta> rules;
    private final Map<Path, Config> byFolder = new ConcurrentHashMap<>();
    private final Set<ConfigFile> validated = ConcurrentHashMap.newKeySet();

    public CascadingConfigProvider(ConfigLoader loader, Collection<RuleMeta> rules) {
        this.loader = loader;
        Map<String, RuleMeta> map = new LinkedHashMap<>();
        rules.stream().sorted(java.util.Comparator.comparing(RuleMeta::id)).forEach(m -> map.put(m.id(), m));
        this.rules = java.util.Collections.unmodifiableMap(map);
        for (ConfigFile file : loader.loaded()) {
            validate(file);
        }
    }

    public ConfigLoader loader() {
        return loader;
    }

    @Override
    public Config configFor(Path file) {
        Path absolute = loader.workingDirectory().resolve(file).toAbsolutePath().normalize();
        Path folder = absolute.getParent() == null ? absolute : absolute.getParent();
        Config cached = byFolder.get(folder);
        if (cached != null) {
            return cached;
        }
        Config resolved = resolve(loader.chain(folder));
        Config raced = byFolder.putIfAbsent(folder, resolved);
        return raced == null ? resolved : raced;
    }

    /** Per-rule state while layers apply. */
    private static final class State {
        boolean enabled = true;
        Level level;
        final Map<String, Object> options = new LinkedHashMap<>();
    }

    private final class Resolution {
        final Map<String, State> states = new LinkedHashMap<>();
        final Set<String> declaredCustom = new HashSet<>();
        final List<ScopedGlob> typeGlobs = new ArrayList<>();
        final List<ScopedGlob> ignoreGlobs = new ArrayList<>();
        final List<Path> sources = new ArrayList<>();
        final List<DocumentType> types = new ArrayList<>();

        Resolution() {
            rules.keySet().forEach(id -> states.put(id, new State()));
        }

        void apply(ConfigFile file) {
            validate(file);
            for (ConfigFile.Extends ext : file.extendsList()) {
                apply(loader.extended(file, ext));
            }
            file.path().ifPresent(sources::add);
            file.customRules().forEach(c -> declaredCustom.add(c.id()));
            types.addAll(file.types());
            Path base = file.folder().orElse(null);
            List<ScopedGlob> documents = new ArrayList<>();
            file.documents().forEach(d -> documents.add(new ScopedGlob(base, d.glob(), d.type())));
            typeGlobs.addAll(0, documents);
            file.ignore().forEach(g -> ignoreGlobs.add(new ScopedGlob(base, g, "")));
            for (boolean globs : new boolean[] {true, false}) {
                for (ConfigFile.RuleEntry entry : file.rules()) {
                    if (entry.glob() == globs) {
                        states.forEach((id, state) -> {
                            if (id.equals(entry.pattern()) || Config.globMatches(entry.pattern(), id)) {
                                applyEntry(entry, state);
                            }
                        });
                    }
                }
            }
            for (String glob : file.notesToWarnings()) {
                states.forEach((id, state) -> {
                    if (Config.globMatches(glob, id) && effectiveLevel(id, state) == Level.NOTE) {
                        state.level = Level.WARNING;
                    }
                });
            }
        }

        Config build() {
            Map<String, RuleSetting> settings = new LinkedHashMap<>();
            states.forEach((id, state) -> {
                boolean outOfScope = id.startsWith("custom/") && !declaredCustom.contains(id);
                if (!state.enabled || outOfScope) {
                    settings.put(id, RuleSetting.disabled());
                } else if (state.level != null || !state.options.isEmpty()) {
                    settings.put(id, new RuleSetting(false, Optional.ofNullable(state.level), state.options));
                }
            });
            DocumentTypes documentTypes = DocumentTypes.builtIn().with(types);
            return new Config(settings, documentTypes, typeGlobs, ignoreGlobs, loader.workingDirectory(), sources);
        }
    }

    private static void applyEntry(ConfigFile.RuleEntry entry, State state) {
        switch (entry.action()) {
            case OFF -> state.enabled = false;
            case ON -> {
                state.enabled = true;
                state.level = null;
            }
            case LEVEL -> {
                state.enabled = true;
                state.level = entry.level().orElseThrow();
            }
            case OPTIONS_ONLY -> {
                // keeps the on/off state and level
            }
        }
        state.options.putAll(entry.options());
    }

    private Level effectiveLevel(String id, State state) {
        return state.level != null ? state.level : rules.get(id).defaultLevel();
    }

    private Config resolve(List<ConfigFile> chain) {
        Resolution resolution = new Resolution();
        chain.forEach(resolution::apply);
        return resolution.build();
    }

    // --- validation ---

    private void validate(ConfigFile file) {
        if (!validated.add(file)) {
            return;
        }
        for (ConfigFile.RuleEntry entry : file.rules()) {
            validateEntry(entry);
        }
        Set<String> typeIds = knownTypes();
        for (ConfigFile.DocumentEntry document : file.documents()) {
            if (!typeIds.contains(document.type())) {
                throw document.at().error("unknown document type '" + document.type() + "'"
                        + Suggestions.didYouMean(document.type(), typeIds) + " (known: " + String.join(", ", typeIds)
                        + "; add one under types:)");
            }
        }
        for (CustomRuleDefinition custom : file.customRules()) {
            for (String type : custom.documentTypes()) {
                if (!typeIds.contains(type)) {
                    throw file.customRuleLocations().get(custom.id()).error("custom rule " + custom.id()
                            + " names unknown document type '" + type + "'" + Suggestions.didYouMean(type, typeIds));
                }
            }
        }
    }

    private Set<String> knownTypes() {
        Set<String> ids = new TreeSet<>(DocumentTypes.BUILT_IN);
        DocumentTypes.builtIn().all().forEach(t -> ids.add(t.id()));
        for (ConfigFile file : loader.loaded()) {
            file.types().forEach(t -> ids.add(t.id()));
        }
        return ids;
    }

    private void validateEntry(ConfigFile.RuleEntry entry) {
        String pattern = entry.pattern();
        if (entry.glob()) {
            boolean matches = rules.keySet().stream().anyMatch(id -> Config.globMatches(pattern, id));
            String family = pattern.contains("/") ? pattern.substring(0, pattern.indexOf('/')) : pattern;
            if (!matches && !FAMILIES.contains(family) && !pattern.equals("*")) {
                throw entry.at().error("'" + pattern + "' matches no rule" + Suggestions.didYouMean(family + "/*",
                        FAMILIES.stream().map(f -> f + "/*").toList()) + " (opsdoc rules lists them)");
            }
            if (!entry.options().isEmpty()) {
                throw entry.at().error("options can only be set for one rule id, not for the glob '" + pattern + "'");
            }
            return;
        }
        RuleMeta meta = rules.get(pattern);
        if (meta == null) {
            throw entry.at().error("unknown rule '" + pattern + "'" + Suggestions.didYouMean(pattern, rules.keySet())
                    + " (opsdoc rules lists them)");
        }
        Map<String, OptionSpec> specs = new HashMap<>();
        meta.options().forEach(o -> specs.put(o.name(), o));
        for (Map.Entry<String, Object> option : entry.options().entrySet()) {
            String name = option.getKey();
            ConfigLocation at = entry.optionLocations().get(name);
            OptionSpec spec = specs.get(name);
            if (spec == null && name.startsWith("extra-")) {
                OptionSpec base = specs.get(name.substring("extra-".length()));
                if (base != null && base.type().equals("string-list")) {
                    spec = base;
                }
            }
            if (spec == null) {
                throw at.error("unknown option '" + name + "' for " + pattern + Suggestions.didYouMean(name, specs.keySet())
                        + (specs.isEmpty() ? " (this rule has no options)"
                                : " (options: " + String.join(", ", new TreeSet<>(specs.keySet())) + ")"));
            }
            String problem = typeProblem(spec.type(), option.getValue());
            if (problem != null) {
                throw at.error("option '" + name + "' of " + pattern + " must be " + problem);
            }
        }
    }

    private static String typeProblem(String type, Object value) {
        return switch (type) {
            case "integer" -> value instanceof Integer || value instanceof Long ? null : "a whole number";
            case "number" -> value instanceof Number ? null : "a number";
            case "boolean" -> value instanceof Boolean ? null : "true or false";
            case "string" -> value instanceof Map || value instanceof List ? "a text value" : null;
            case "string-list" -> value instanceof Map
                    || (value instanceof List<?> list && list.stream().anyMatch(i -> i instanceof Map || i instanceof List))
                    ? "a list of text values" : null;
            case "map" -> value instanceof Map ? null : "a mapping";
            default -> null;
        };
    }

    /** Effective level of every rule for {@code file} ("off" when disabled) and option values over defaults. */
    public Map<String, Object> describe(Path file) {
        Config config = configFor(file);
        Map<String, Object> result = new LinkedHashMap<>();
        for (RuleMeta meta : rules.values()) {
            Optional<RuleSetting> setting = config.setting(meta.id());
            if (setting.map(RuleSetting::off).orElse(false)) {
                result.put(meta.id(), "off");
                continue;
            }
            String level = setting.flatMap(RuleSetting::level).orElse(meta.defaultLevel()).id();
            if (meta.options().isEmpty()) {
                result.put(meta.id(), level);
                continue;
            }
            Map<String, Object> options = new LinkedHashMap<>();
            meta.options().forEach(o -> {
                if (o.defaultValue() != null) {
                    options.put(o.name(), o.defaultValue());
                }
            });
            setting.ifPresent(s -> options.putAll(s.options()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("level", level);
            entry.put("options", options);
            result.put(meta.id(), entry);
        }
        return result;
    }

    /**
     * The effective configuration for {@code file} as plain data (for {@code opsdoc config --print}):
     * the files that contributed, every rule's level and options, document mappings, types and ignores.
     */
    public Map<String, Object> effective(Path file) {
        Config config = configFor(file);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", config.sources().stream().map(loader::display).toList());
        result.put("rules", describe(file));
        Map<String, String> documents = new LinkedHashMap<>();
        config.typeGlobs().forEach(g -> documents.putIfAbsent(scoped(g), g.value()));
        result.put("documents", documents);
        Map<String, Object> types = new LinkedHashMap<>();
        for (DocumentType type : config.types().all()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("file", type.fileName());
            t.put("title", type.title());
            t.put("sections", type.sections().stream().map(s -> s.title()).toList());
            types.put(type.id(), t);
        }
        result.put("types", types);
        result.put("ignore", config.ignoreGlobs().stream().map(this::scoped).toList());
        return result;
    }

    private String scoped(ScopedGlob glob) {
        if (glob.base() == null || glob.base().equals(loader.workingDirectory())) {
            return glob.glob();
        }
        return loader.display(glob.base()) + "/" + glob.glob();
    }
}
