package io.opsdoc.core.config;

import io.opsdoc.core.doctype.DocumentTypes;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Effective configuration for a file: rule settings (by id or family glob such as
 * {@code principles/*}), document types, path-to-type mappings and ignore globs. Immutable.
 */
public final class Config {
    private final Map<String, RuleSetting> rules;
    private final DocumentTypes types;
    private final Map<String, String> documentTypes;
    private final List<String> ignore;
    private final Optional<Path> origin;

    public Config(Map<String, RuleSetting> rules, DocumentTypes types, Map<String, String> documentTypes,
            List<String> ignore, Optional<Path> origin) {
        this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.types = types;
        this.documentTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documentTypes));
        this.ignore = List.copyOf(ignore);
        this.origin = origin;
    }

    public static Config defaults() {
        return new Config(Map.of(), DocumentTypes.builtIn(), Map.of(), List.of(), Optional.empty());
    }

    public Map<String, RuleSetting> rules() {
        return rules;
    }

    public DocumentTypes types() {
        return types;
    }

    /** Glob (relative path) to document type id. */
    public Map<String, String> documentTypes() {
        return documentTypes;
    }

    public List<String> ignore() {
        return ignore;
    }

    /** The file this configuration was read from, empty for built-in defaults. */
    public Optional<Path> origin() {
        return origin;
    }

    /**
     * The setting for {@code ruleId}: entries apply in order (family globs, then exact ids,
     * each refining the previous), so {@code principles/*: off} then {@code principles/observability: warning}
     * turns the family off except one rule.
     */
    public Optional<RuleSetting> setting(String ruleId) {
        RuleSetting result = null;
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<String, RuleSetting> entry : rules.entrySet()) {
                boolean exact = entry.getKey().equals(ruleId);
                boolean glob = !exact && globMatches(entry.getKey(), ruleId);
                if ((pass == 0 && glob) || (pass == 1 && exact)) {
                    result = result == null ? entry.getValue() : result.merge(entry.getValue());
                }
            }
        }
        return Optional.ofNullable(result);
    }

    static boolean globMatches(String pattern, String id) {
        if (pattern.equals("*") || pattern.equals("**")) {
            return true;
        }
        if (!pattern.contains("*")) {
            return false;
        }
        String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return id.matches(regex);
    }

    /** The document type mapped to {@code relativePath} by a {@code documents:} glob. */
    public Optional<String> typeFor(String relativePath) {
        for (Map.Entry<String, String> entry : documentTypes.entrySet()) {
            if (pathMatches(entry.getKey(), relativePath)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    public boolean ignored(String relativePath) {
        return ignore.stream().anyMatch(glob -> pathMatches(glob, relativePath));
    }

    /** Glob over '/'-separated relative paths; a pattern without '/' also matches the file name. */
    public static boolean pathMatches(String glob, String relativePath) {
        String path = relativePath.replace('\\', '/');
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Path p = Path.of(path);
        if (matcher.matches(p)) {
            return true;
        }
        if (glob.startsWith("**/") && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)).matches(p)) {
            return true;
        }
        if (glob.endsWith("/**") && (path + "/").startsWith(glob.substring(0, glob.length() - 2))) {
            return true;
        }
        return !glob.contains("/") && p.getFileName() != null && matcher.matches(p.getFileName());
    }
}
