package io.opsdoc.core.config;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config.ScopedGlob;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.OptionType;
import io.opsdoc.core.rule.RuleOptions;
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
    /**
     * Folders whose chains hold the same configuration files share one resolved {@link Config}:
     * most folders of a tree inherit the same files, and one instance per folder meant resolving
     * every rule's setting again per folder, here and in the engine.
     */
    private final Map<Chain, Config> byChain = new ConcurrentHashMap<>();

    /** A chain of configuration files compared by identity (each file is loaded once). */
    private record Chain(List<ConfigFile> files) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Chain chain) || chain.files.size() != files.size()) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i) != chain.files.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (ConfigFile file : files) {
                hash = 31 * hash + System.identityHashCode(file);
            }
            return hash;
        }
    }
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
        Chain chain = new Chain(loader.chain(folder));
        Config resolved = byChain.get(chain);
        if (resolved == null) {
            resolved = resolve(chain.files());
            Config racedChain = byChain.putIfAbsent(chain, resolved);
            resolved = racedChain == null ? resolved : racedChain;
        }
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
            validateEntry(file, entry);
        }
        Set<String> typeIds = knownTypes();
        for (ConfigFile.DocumentEntry document : file.documents()) {
            if (!typeIds.contains(document.type())) {
                throw document.at().error("unknown document type " + file.quote(document.type())
                        + (file.quotable() ? Suggestions.didYouMean(document.type(), typeIds) : "") + " (known: " + String.join(", ", typeIds)
                        + "; add one under types:)");
            }
        }
        for (CustomRuleDefinition custom : file.customRules()) {
            for (String type : custom.documentTypes()) {
                if (!typeIds.contains(type)) {
                    throw file.customRuleLocations().get(custom.id()).error("custom rule " + custom.id()
                            + " names unknown document type " + file.quote(type)
                            + (file.quotable() ? Suggestions.didYouMean(type, typeIds) : ""));
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

    private void validateEntry(ConfigFile file, ConfigFile.RuleEntry entry) {
        String pattern = entry.pattern();
        if (entry.glob()) {
            boolean matches = rules.keySet().stream().anyMatch(id -> Config.globMatches(pattern, id));
            String family = pattern.contains("/") ? pattern.substring(0, pattern.indexOf('/')) : pattern;
            if (!matches && !FAMILIES.contains(family) && !pattern.equals("*")) {
                throw entry.at().error(file.quote(pattern) + " matches no rule" + (file.quotable()
                        ? Suggestions.didYouMean(family + "/*", FAMILIES.stream().map(f -> f + "/*").toList()) : "")
                        + " (opsdoc rules lists them)");
            }
            if (!entry.options().isEmpty()) {
                throw entry.at().error("options can only be set for one rule id, not for the glob " + file.quote(pattern));
            }
            return;
        }
        RuleMeta meta = rules.get(pattern);
        if (meta == null) {
            throw entry.at().error("unknown rule " + file.quote(pattern)
                    + (file.quotable() ? Suggestions.didYouMean(pattern, rules.keySet()) : "")
                    + " (opsdoc rules lists them)");
        }
        Map<String, OptionSpec<?>> specs = new HashMap<>();
        meta.options().forEach(o -> specs.put(o.name(), o));
        for (Map.Entry<String, Object> option : entry.options().entrySet()) {
            String name = option.getKey();
            ConfigLocation at = entry.optionLocations().get(name);
            OptionSpec<?> spec = specs.get(name);
            if (spec == null && name.startsWith(RuleOptions.EXTRA_PREFIX)) {
                // extra-NAME extends the list option NAME (RuleOptions.get adds it), so it takes a list too.
                OptionSpec<?> base = specs.get(name.substring(RuleOptions.EXTRA_PREFIX.length()));
                if (base != null && base.type() == OptionType.STRING_LIST) {
                    spec = OptionSpec.stringList(name, List.of(), "");
                }
            }
            if (spec == null) {
                throw at.error("unknown option " + file.quote(name) + " for " + pattern
                        + (file.quotable() ? Suggestions.didYouMean(name, specs.keySet()) : "")
                        + (specs.isEmpty() ? " (this rule has no options)"
                                : " (options: " + String.join(", ", new TreeSet<>(specs.keySet())) + ")"));
            }
            OptionSpec.Checked<?> checked = spec.check(option.getValue());
            if (!checked.ok()) {
                throw at.error("option " + file.quote(name) + " of " + pattern + " must be " + checked.problem());
            }
        }
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
     * the files that contributed (key {@code files}, which is not a configuration key), every rule's
     * level and options, document mappings, the document types that differ from the built-in ones,
     * the custom rules in scope and ignores. Without {@code files} it is a valid configuration file
     * that gives the same result; every list and map is a fresh object, so a YAML dumper finds no
     * shared node to write as an anchor and alias.
     */
    public Map<String, Object> effective(Path file) {
        Config config = configFor(file);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("files", config.sources().stream().map(loader::display).collect(java.util.stream.Collectors.toList()));
        Set<Path> sources = new HashSet<>(config.sources());
        List<CustomRuleDefinition> custom = loader.customRules().stream().filter(c -> sources.contains(c.origin())).toList();
        Set<String> customIds = new HashSet<>();
        custom.forEach(c -> customIds.add(c.id()));
        Map<String, Object> rulesOut = new LinkedHashMap<>();
        describe(file).forEach((id, value) -> {
            // A custom rule of another sub-tree does not exist here: naming it would be an unknown rule.
            if (!id.startsWith("custom/") || customIds.contains(id)) {
                rulesOut.put(id, value);
            }
        });
        result.put("rules", rulesOut);
        Map<String, String> documents = new LinkedHashMap<>();
        config.typeGlobs().forEach(g -> scoped(g).forEach(glob -> documents.putIfAbsent(glob, g.value())));
        result.put("documents", documents);
        DocumentTypes builtIn = DocumentTypes.builtIn();
        Map<String, Object> types = new LinkedHashMap<>();
        for (DocumentType type : config.types().all()) {
            if (!builtIn.get(type.id()).map(type::equals).orElse(false)) {
                types.put(type.id(), typeData(type));
            }
        }
        result.put("types", types);
        if (!custom.isEmpty()) {
            Map<String, Object> customOut = new LinkedHashMap<>();
            custom.forEach(c -> customOut.put(c.name(), customRuleData(c)));
            result.put("custom-rules", customOut);
        }
        result.put("ignore", config.ignoreGlobs().stream().flatMap(g -> scoped(g).stream()).distinct()
                .collect(java.util.stream.Collectors.toList()));
        return copy(result);
    }

    private static Map<String, Object> typeData(DocumentType type) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("file", type.fileName());
        t.put("title", type.title());
        List<Object> sections = new ArrayList<>();
        for (var section : type.sections()) {
            if (section.aliases().isEmpty() && section.parent().isEmpty() && section.guidance().isEmpty()) {
                sections.add(section.title());
                continue;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("title", section.title());
            if (!section.aliases().isEmpty()) {
                s.put("aliases", section.aliases());
            }
            section.parent().ifPresent(p -> s.put("parent", p));
            if (!section.guidance().isEmpty()) {
                s.put("guidance", section.guidance());
            }
            sections.add(s);
        }
        t.put("sections", sections);
        return t;
    }

    /** A custom rule written back in the keys of {@code custom-rules:}. */
    private static Map<String, Object> customRuleData(CustomRuleDefinition rule) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", rule.kind().id());
        c.put("level", rule.level().id());
        c.put("message", rule.message());
        if (!rule.description().equals(rule.message())) {
            c.put("description", rule.description());
        }
        if (!rule.documentTypes().isEmpty()) {
            c.put("document-types", rule.documentTypes());
        }
        rule.section().ifPresent(s -> c.put("section", s));
        if (!rule.aliases().isEmpty()) {
            c.put("aliases", rule.aliases());
        }
        rule.pattern().ifPresent(p -> {
            c.put("pattern", p.pattern());
            if ((p.flags() & java.util.regex.Pattern.CASE_INSENSITIVE) != 0) {
                c.put("ignore-case", true);
            }
        });
        boolean patternKind = rule.kind() == CustomRuleDefinition.Kind.REQUIRE_PATTERN
                || rule.kind() == CustomRuleDefinition.Kind.FORBID_PATTERN;
        if (patternKind) {
            c.put("scope", rule.scope().id());
            rule.language().ifPresent(l -> c.put("language", l));
        }
        if (!rule.path().isEmpty()) {
            c.put("path", String.join(".", rule.path()));
        }
        if (!rule.where().isEmpty()) {
            Map<String, Object> where = new LinkedHashMap<>();
            rule.where().entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(k -> String.join(".", k))))
                    .forEach(e -> where.put(String.join(".", e.getKey()), e.getValue()));
            c.put("where", where);
        }
        if (!rule.values().isEmpty()) {
            c.put("values", rule.values());
        }
        return c;
    }

    /** A deep copy: every map and list a new object (no shared node for a dumper to alias). */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(k, copy(v)));
            return (T) result;
        }
        if (value instanceof Collection<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(v -> result.add(copy(v)));
            return (T) result;
        }
        return value;
    }

    /**
     * A glob of a configuration file in another folder, rewritten relative to the working
     * directory so that the printed configuration matches the same files: a glob without '/'
     * (any file name below its folder) becomes the folder's files and everything below it, and a
     * leading {@code **}{@code /} (which also matches at the top) keeps its top-level form.
     */
    private List<String> scoped(ScopedGlob glob) {
        if (glob.base() == null || glob.base().equals(loader.workingDirectory())) {
            return List.of(glob.glob());
        }
        String prefix = loader.display(glob.base()) + "/";
        String pattern = glob.glob();
        if (!pattern.contains("/")) {
            return List.of(prefix + pattern, prefix + "**/" + pattern);
        }
        if (pattern.startsWith("**/")) {
            return List.of(prefix + pattern.substring(3), prefix + pattern);
        }
        return List.of(prefix + pattern);
    }
}
