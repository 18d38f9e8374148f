package io.opsdoc.core.config;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.ConfigFile.Action;
import io.opsdoc.core.config.ConfigFile.DocumentEntry;
import io.opsdoc.core.config.ConfigFile.Extends;
import io.opsdoc.core.config.ConfigFile.RuleEntry;
import io.opsdoc.core.config.CustomRuleDefinition.Kind;
import io.opsdoc.core.config.CustomRuleDefinition.Scope;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.text.Printable;
import io.opsdoc.core.text.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one {@code .opsdoc.yml} into a {@link ConfigFile}, checking its shape: every problem is a
 * {@link ConfigException} pointing at the offending key or value.
 */
final class ConfigParser {
    static final List<String> TOP_LEVEL_KEYS = List.of(
            "$schema", "root", "extends", "rules", "documents", "types", "ignore", "custom-rules");
    private static final String PRESET_ONLY_KEY = "notes-to-warnings";
    static final List<String> RULE_VALUES = List.of("off", "on", "note", "warning", "error");
    private static final List<String> RULE_OBJECT_KEYS = List.of("level", "options");
    private static final List<String> TYPE_KEYS = List.of("file", "title", "sections");
    private static final List<String> SECTION_KEYS = List.of("title", "aliases", "parent", "guidance");
    private static final Pattern RULE_PATTERN = Pattern.compile("[a-z0-9*][a-z0-9*-]*(/[a-z0-9*][a-z0-9*-]*)?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final List<String> COMMON_CUSTOM_KEYS = List.of("kind", "level", "message", "description",
            "document-types", "section");
    private static final Map<Kind, List<String>> CUSTOM_KEYS = Map.of(
            Kind.REQUIRE_SECTION, List.of("aliases"),
            Kind.REQUIRE_PATTERN, List.of("pattern", "ignore-case", "scope", "language"),
            Kind.FORBID_PATTERN, List.of("pattern", "ignore-case", "scope", "language"),
            Kind.REQUIRE_KEY, List.of("path", "where"),
            Kind.FORBID_VALUE, List.of("path", "where", "values", "pattern", "ignore-case"));

    private final String display;
    private final Optional<Path> path;
    private final boolean preset;
    private final boolean quotable;

    private ConfigParser(String display, Optional<Path> path, boolean preset, boolean quotable) {
        this.display = display;
        this.path = path;
        this.preset = preset;
        this.quotable = quotable;
    }

    /**
     * Parses one file. {@code quotable} false (a file reached only through {@code extends}) keeps
     * every error message free of the file's content: positions and the kind of problem only.
     */
    static ConfigFile parse(String text, Optional<Path> path, String display, boolean preset, boolean quotable) {
        return new ConfigParser(display, path, preset, quotable).parse(text);
    }

    private ConfigFile parse(String text) {
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(display).setMaxAliasesForCollections(20)
                    .setCodePointLimit(1024 * 1024).build();
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            // Only the problem: SnakeYAML's full message adds a snippet of the offending line.
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? "unreadable" : e.getProblem();
            throw new ConfigException(display, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, yamlError(problem));
        } catch (YamlEngineException e) {
            throw new ConfigException(display, 1, 1, yamlError(firstLine(e.getMessage())));
        }
        boolean isRoot = false;
        List<Extends> extendsList = new ArrayList<>();
        List<RuleEntry> rules = new ArrayList<>();
        List<DocumentEntry> documents = new ArrayList<>();
        List<DocumentType> types = new ArrayList<>();
        List<String> ignore = new ArrayList<>();
        List<CustomRuleDefinition> custom = new ArrayList<>();
        Map<String, ConfigLocation> customLocations = new LinkedHashMap<>();
        List<String> notesToWarnings = new ArrayList<>();
        if (root.isEmpty() || isNull(root.get())) {
            return new ConfigFile(path, display, quotable, false, extendsList, rules, documents, types, ignore, custom,
                    customLocations, notesToWarnings);
        }
        List<String> allowed = new ArrayList<>(TOP_LEVEL_KEYS);
        if (preset) {
            allowed.add(PRESET_ONLY_KEY);
        }
        if (!(root.get() instanceof MappingNode)) {
            // Not a configuration at all (a text file, a list): nothing of it is worth quoting.
            throw at(root.get()).error("the configuration must be a mapping (key: value), not "
                    + (root.get() instanceof SequenceNode ? "a list" : "a text value"));
        }
        for (NodeTuple entry : mapping(root.get(), "the configuration").getValue()) {
            String key = key(entry, allowed, "top-level key");
            Node value = entry.getValueNode();
            switch (key) {
                case "$schema" -> scalar(value, "$schema");
                case "root" -> isRoot = bool(value, "root");
                case "extends" -> {
                    for (Node item : scalarOrList(value, "extends")) {
                        extendsList.add(new Extends(scalar(item, "extends"), at(item)));
                    }
                }
                case "rules" -> {
                    for (NodeTuple rule : mapping(value, "rules").getValue()) {
                        rules.add(ruleEntry(rule));
                    }
                }
                case "documents" -> {
                    for (NodeTuple doc : mapping(value, "documents").getValue()) {
                        String glob = scalar(doc.getKeyNode(), "a documents path");
                        String type = scalar(doc.getValueNode(), "the document type of " + q(glob));
                        documents.add(new DocumentEntry(glob, type, at(doc.getValueNode())));
                    }
                }
                case "types" -> {
                    for (NodeTuple type : mapping(value, "types").getValue()) {
                        types.add(documentType(type));
                    }
                }
                case "ignore" -> {
                    for (Node item : scalarOrList(value, "ignore")) {
                        ignore.add(scalar(item, "an ignore glob"));
                    }
                }
                case "custom-rules" -> {
                    for (NodeTuple rule : mapping(value, "custom-rules").getValue()) {
                        CustomRuleDefinition definition = customRule(rule);
                        custom.add(definition);
                        customLocations.put(definition.id(), at(rule.getKeyNode()));
                    }
                }
                case PRESET_ONLY_KEY -> {
                    for (Node item : scalarOrList(value, PRESET_ONLY_KEY)) {
                        notesToWarnings.add(scalar(item, PRESET_ONLY_KEY));
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        }
        return new ConfigFile(path, display, quotable, isRoot, extendsList, rules, documents, types, ignore, custom,
                customLocations, notesToWarnings);
    }

    private RuleEntry ruleEntry(NodeTuple tuple) {
        String id = scalar(tuple.getKeyNode(), "a rule id");
        ConfigLocation at = at(tuple.getKeyNode());
        if (!RULE_PATTERN.matcher(id).matches()) {
            throw at.error(q(id) + " is not a rule id; write family/name (e.g. structure/required-section)"
                    + " or a family glob (e.g. principles/*)");
        }
        Node value = tuple.getValueNode();
        if (value instanceof MappingNode map) {
            Action action = Action.OPTIONS_ONLY;
            Optional<Level> level = Optional.empty();
            Map<String, Object> options = new LinkedHashMap<>();
            Map<String, ConfigLocation> optionLocations = new LinkedHashMap<>();
            for (NodeTuple entry : map.getValue()) {
                String key = key(entry, RULE_OBJECT_KEYS, "key in the settings of " + id);
                if (key.equals("level")) {
                    String text = scalar(entry.getValueNode(), "the level of " + id);
                    action = action(text, entry.getValueNode(), id);
                    level = Level.parse(text).filter(l -> RULE_VALUES.contains(text));
                } else {
                    for (NodeTuple option : mapping(entry.getValueNode(), "the options of " + id).getValue()) {
                        String name = scalar(option.getKeyNode(), "an option name");
                        Object converted = toJava(option.getValueNode());
                        if (converted == null) {
                            throw at(option.getValueNode()).error("option " + q(name) + " of " + id + " has no value");
                        }
                        options.put(name, converted);
                        optionLocations.put(name, at(option.getKeyNode()));
                    }
                }
            }
            return new RuleEntry(id, at, action, level, options, optionLocations);
        }
        String text = scalar(value, "the setting of " + id);
        return new RuleEntry(id, at, action(text, value, id), Level.parse(text).filter(l -> RULE_VALUES.contains(text)),
                Map.of(), Map.of());
    }

    private Action action(String text, Node node, String id) {
        return switch (text) {
            case "off" -> Action.OFF;
            case "on" -> Action.ON;
            case "note", "warning", "error" -> Action.LEVEL;
            default -> throw at(node).error("unknown level " + q(text) + " for " + id + suggest(text, RULE_VALUES)
                    + " (use off, on, note, warning or error)");
        };
    }

    private DocumentType documentType(NodeTuple tuple) {
        String id = scalar(tuple.getKeyNode(), "a document type id");
        if (!NAME.matcher(id).matches()) {
            throw at(tuple.getKeyNode()).error("document type id " + q(id) + " must be lower-case words joined by '-'");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Set<String> titles = new HashSet<>();
        for (NodeTuple entry : mapping(tuple.getValueNode(), "document type " + id).getValue()) {
            String key = key(entry, TYPE_KEYS, "key of document type " + id);
            if (key.equals("sections")) {
                List<Object> sections = new ArrayList<>();
                for (Node item : list(entry.getValueNode(), "the sections of " + id)) {
                    if (item instanceof ScalarNode) {
                        String title = scalar(item, "a section title");
                        titles.add(title);
                        sections.add(title);
                        continue;
                    }
                    Map<String, Object> section = new LinkedHashMap<>();
                    for (NodeTuple s : mapping(item, "a section of " + id).getValue()) {
                        String sk = key(s, SECTION_KEYS, "key of a section of " + id);
                        if (sk.equals("aliases")) {
                            List<String> aliases = new ArrayList<>();
                            for (Node a : scalarOrList(s.getValueNode(), "aliases")) {
                                aliases.add(scalar(a, "an alias"));
                            }
                            section.put(sk, aliases);
                        } else {
                            String v = scalar(s.getValueNode(), sk);
                            if (sk.equals("parent") && !titles.contains(v)) {
                                throw at(s.getValueNode()).error("parent " + q(v) + " is not a section listed before it in "
                                        + id + suggest(v, titles));
                            }
                            section.put(sk, v);
                        }
                    }
                    if (!section.containsKey("title")) {
                        throw at(item).error("a section of document type " + id + " needs a title");
                    }
                    titles.add(String.valueOf(section.get("title")));
                    sections.add(section);
                }
                map.put("sections", sections);
            } else if (key.equals("file")) {
                map.put(key, fileName(entry.getValueNode(), id));
            } else {
                map.put(key, scalar(entry.getValueNode(), key));
            }
        }
        return DocumentTypes.fromMap(id, map);
    }

    private CustomRuleDefinition customRule(NodeTuple tuple) {
        String written = scalar(tuple.getKeyNode(), "a custom rule name");
        ConfigLocation at = at(tuple.getKeyNode());
        String name = written.startsWith("custom/") ? written.substring("custom/".length()) : written;
        if (!NAME.matcher(name).matches()) {
            throw at.error("custom rule name " + q(name) + " must be lower-case words joined by '-' (it becomes custom/NAME)");
        }
        MappingNode map = mapping(tuple.getValueNode(), "custom rule " + name);
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple entry : map.getValue()) {
            values.put(scalar(entry.getKeyNode(), "a key"), entry.getValueNode());
        }
        Node kindNode = values.get("kind");
        if (kindNode == null) {
            throw at.error("custom rule " + name + " needs a kind: require-section, require-pattern, forbid-pattern,"
                    + " require-key or forbid-value");
        }
        String kindText = scalar(kindNode, "kind");
        List<String> kindIds = java.util.Arrays.stream(Kind.values()).map(Kind::id).toList();
        Kind kind = Kind.parse(kindText).orElseThrow(() -> at(kindNode).error("unknown kind " + q(kindText)
                + " of custom rule " + name + suggest(kindText, kindIds) + " (use " + String.join(", ", kindIds) + ")"));
        List<String> allowed = new ArrayList<>(COMMON_CUSTOM_KEYS);
        allowed.addAll(CUSTOM_KEYS.get(kind));
        for (NodeTuple entry : map.getValue()) {
            key(entry, allowed, "key for a " + kind.id() + " custom rule");
        }
        String message = required(values, "message", name, at);
        Level level = Level.WARNING;
        Node levelNode = values.get("level");
        if (levelNode != null) {
            String text = scalar(levelNode, "level");
            List<String> levels = List.of("note", "warning", "error");
            if (!levels.contains(text)) {
                throw at(levelNode).error("unknown level " + q(text) + " for custom rule " + name + suggest(text, levels)
                        + " (use note, warning or error)");
            }
            level = Level.parse(text).orElseThrow();
        }
        String description = values.containsKey("description") ? scalar(values.get("description"), "description") : message;
        List<String> documentTypes = strings(values.get("document-types"), "document-types");
        Optional<String> section = Optional.ofNullable(values.get("section")).map(n -> scalar(n, "section"));
        List<String> aliases = strings(values.get("aliases"), "aliases");
        boolean ignoreCase = values.containsKey("ignore-case") && bool(values.get("ignore-case"), "ignore-case");
        Optional<Pattern> pattern = Optional.empty();
        if (values.containsKey("pattern")) {
            pattern = Optional.of(regex(values.get("pattern"), ignoreCase));
        } else if (kind == Kind.REQUIRE_PATTERN || kind == Kind.FORBID_PATTERN) {
            throw at.error("custom rule " + name + " (" + kind.id() + ") needs a pattern");
        }
        Scope scope = Scope.PROSE;
        if (values.containsKey("scope")) {
            String text = scalar(values.get("scope"), "scope");
            List<String> scopes = java.util.Arrays.stream(Scope.values()).map(Scope::id).toList();
            scope = Scope.parse(text).orElseThrow(() -> at(values.get("scope")).error("unknown scope " + q(text)
                    + suggest(text, scopes) + " (use " + String.join(", ", scopes) + ")"));
        }
        Optional<String> language = Optional.empty();
        if (values.containsKey("language")) {
            if (scope != Scope.CODE) {
                throw at(values.get("language")).error("language only applies to scope: code");
            }
            language = Optional.of(scalar(values.get("language"), "language").toLowerCase(java.util.Locale.ROOT));
        }
        if (kind == Kind.REQUIRE_SECTION && section.isEmpty()) {
            throw at.error("custom rule " + name + " (require-section) needs a section title");
        }
        List<String> yamlPath = List.of();
        Map<List<String>, List<String>> where = new LinkedHashMap<>();
        if (kind == Kind.REQUIRE_KEY || kind == Kind.FORBID_VALUE) {
            if (!values.containsKey("path")) {
                throw at.error("custom rule " + name + " (" + kind.id() + ") needs a path such as spec.template.spec");
            }
            yamlPath = dotPath(values.get("path"));
            if (values.containsKey("where")) {
                for (NodeTuple w : mapping(values.get("where"), "where").getValue()) {
                    where.put(dotPath(w.getKeyNode()), strings(w.getValueNode(), "a where value"));
                }
            }
        }
        List<String> forbidden = strings(values.get("values"), "values");
        return new CustomRuleDefinition(name, kind, level, message, description, documentTypes, section, aliases,
                pattern, scope, language, yamlPath, where, forbidden, path.orElse(Path.of(display)));
    }

    private Pattern regex(Node node, boolean ignoreCase) {
        String text = scalar(node, "pattern");
        try {
            return Pattern.compile(text, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw at(node).error("invalid regular expression " + q(text) + ": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    private List<String> dotPath(Node node) {
        String text = scalar(node, "a dot path");
        List<String> segments = List.of(text.split("\\.", -1));
        if (text.isBlank() || segments.stream().anyMatch(String::isBlank)) {
            throw at(node).error(q(text) + " is not a dot path; write keys separated by dots, e.g."
                    + " spec.template.spec.securityContext.runAsNonRoot");
        }
        return segments;
    }

    private String required(Map<String, Node> values, String key, String name, ConfigLocation at) {
        Node node = values.get(key);
        if (node == null) {
            throw at.error("custom rule " + name + " needs a " + key);
        }
        return scalar(node, key);
    }

    private List<String> strings(Node node, String what) {
        if (node == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (Node item : scalarOrList(node, what)) {
            result.add(scalar(item, what));
        }
        return result;
    }

    // --- node helpers ---

    private String key(NodeTuple entry, List<String> allowed, String what) {
        String key = scalar(entry.getKeyNode(), what);
        if (!allowed.contains(key)) {
            throw at(entry.getKeyNode()).error("unknown " + what + " " + q(key) + suggest(key, allowed)
                    + " (allowed: " + String.join(", ", allowed) + ")");
        }
        return key;
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode map) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode s && !seen.add(s.getValue())) {
                    throw at(t.getKeyNode()).error("duplicate key " + q(s.getValue()) + " in " + what);
                }
            }
            return map;
        }
        throw at(node).error(what + " must be a mapping (key: value), not " + describe(node));
    }

    private List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        throw at(node).error(what + " must be a list, not " + describe(node));
    }

    private List<Node> scalarOrList(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (node instanceof ScalarNode && !isNull(node)) {
            return List.of(node);
        }
        throw at(node).error(what + " must be a text value or a list, not " + describe(node));
    }

    private String scalar(Node node, String what) {
        if (node instanceof ScalarNode s && !isNull(node)) {
            return s.getValue();
        }
        throw at(node).error(what + " must be a text value, not " + describe(node));
    }

    private boolean bool(Node node, String what) {
        if (node instanceof ScalarNode s && Tag.BOOL.equals(node.getTag())) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        throw at(node).error(what + " must be true or false, not " + describe(node));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "an empty value";
        }
        return quotable ? q(((ScalarNode) node).getValue()) : "a text value";
    }

    /** A key or value of this file as a message may show it (see {@link ConfigFile#quote}). */
    private String q(String value) {
        return ConfigFile.quote(value, quotable);
    }

    /** "Did you mean" for the user's own files only: a suggestion hints at what the file holds. */
    private String suggest(String input, java.util.Collection<String> candidates) {
        return quotable ? Suggestions.didYouMean(input, candidates) : "";
    }

    private String yamlError(String problem) {
        return quotable ? "invalid YAML: " + Printable.escape(problem) : "YAML error";
    }

    /**
     * The {@code file:} of a document type: {@code fix} and {@code init} create documents under
     * that name in a planning folder, so it must stay inside that folder: a relative path with '/'
     * separators, no '..' or '.' segment, no drive, home or control character.
     */
    private String fileName(Node node, String type) {
        String name = scalar(node, "file");
        boolean safe = !name.isBlank()
                && !name.startsWith("/") && !name.startsWith("~") && !name.contains("\\") && !name.contains(":")
                && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && java.util.Arrays.stream(name.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
        if (safe) {
            Path base = Path.of("folder");
            try {
                safe = base.resolve(name).normalize().startsWith(base) && !Path.of(name).isAbsolute();
            } catch (java.nio.file.InvalidPathException e) {
                safe = false;
            }
        }
        if (!safe) {
            throw at(node).error("file " + q(name) + " of document type " + type + " must be a relative path inside"
                    + " the planning folder: no absolute path, no '..' segment, no '\\'");
        }
        return name;
    }

    /** Plain Java value of an option: String, Long, Double, Boolean, List or Map (keys as text). */
    static Object toJava(Node node) {
        if (node instanceof ScalarNode s) {
            Tag tag = node.getTag();
            String v = s.getValue();
            try {
                if (Tag.NULL.equals(tag)) {
                    return null;
                }
                if (Tag.BOOL.equals(tag)) {
                    return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
                }
                if (Tag.INT.equals(tag)) {
                    long l = Long.decode(v.replace("_", ""));
                    return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
                }
                if (Tag.FLOAT.equals(tag)) {
                    return Double.parseDouble(v);
                }
            } catch (NumberFormatException e) {
                return v;
            }
            return v;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> result = new ArrayList<>();
            seq.getValue().forEach(item -> result.add(toJava(item)));
            return result;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            result.put(String.valueOf(toJava(t.getKeyNode())), toJava(t.getValueNode()));
        }
        return result;
    }

    private ConfigLocation at(Node node) {
        return node.getStartMark()
                .map(m -> new ConfigLocation(display, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new ConfigLocation(display, 1, 1));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
