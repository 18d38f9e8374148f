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
 *
 * <p>Globs are matched against the relative path the engine passes (relative to the working
 * directory). Configurations read from files ({@link CascadingConfigProvider}) keep each glob
 * with the folder of the file that wrote it, so a glob in {@code docs/.opsdoc.yml} is relative to
 * {@code docs/} wherever opsdoc runs from.
 */
public final class Config {
    private final Map<String, RuleSetting> rules;
    private final DocumentTypes types;
    private final Map<String, String> documentTypes;
    private final List<String> ignore;
    private final Optional<Path> origin;
    private final List<ScopedGlob> typeGlobs;
    private final List<ScopedGlob> ignoreGlobs;
    private final Path workingDirectory;
    private final List<Path> sources;

    /** A glob and the folder it is relative to (null: relative to the path given to the matcher). */
    record ScopedGlob(Path base, String glob, String value) {
        boolean matches(Path workingDirectory, String relativePath) {
            if (base == null || workingDirectory == null) {
                return pathMatches(glob, relativePath);
            }
            Path absolute = workingDirectory.resolve(relativePath.replace('\\', '/')).toAbsolutePath().normalize();
            if (!absolute.startsWith(base)) {
                return false;
            }
            String relative = base.relativize(absolute).toString().replace('\\', '/');
            return !relative.isEmpty() && pathMatches(glob, relative);
        }
    }

    public Config(Map<String, RuleSetting> rules, DocumentTypes types, Map<String, String> documentTypes,
            List<String> ignore, Optional<Path> origin) {
        this(rules, types, documentTypes.entrySet().stream()
                .map(e -> new ScopedGlob(null, e.getKey(), e.getValue())).toList(),
                ignore.stream().map(g -> new ScopedGlob(null, g, "")).toList(), null,
                origin.map(List::of).orElse(List.of()));
    }

    Config(Map<String, RuleSetting> rules, DocumentTypes types, List<ScopedGlob> typeGlobs, List<ScopedGlob> ignoreGlobs,
            Path workingDirectory, List<Path> sources) {
        this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.types = types;
        this.typeGlobs = List.copyOf(typeGlobs);
        this.ignoreGlobs = List.copyOf(ignoreGlobs);
        Map<String, String> documents = new LinkedHashMap<>();
        typeGlobs.forEach(g -> documents.putIfAbsent(g.glob(), g.value()));
        this.documentTypes = java.util.Collections.unmodifiableMap(documents);
        this.ignore = ignoreGlobs.stream().map(ScopedGlob::glob).toList();
        this.workingDirectory = workingDirectory;
        this.sources = List.copyOf(sources);
        this.origin = sources.isEmpty() ? Optional.empty() : Optional.of(sources.get(sources.size() - 1));
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

    /** The file this configuration was read from (the nearest one when they cascade), empty for built-in defaults. */
    public Optional<Path> origin() {
        return origin;
    }

    /** Every configuration file that contributed, outermost first (extended files before the file extending them). */
    public List<Path> sources() {
        return sources;
    }

    List<ScopedGlob> typeGlobs() {
        return typeGlobs;
    }

    List<ScopedGlob> ignoreGlobs() {
        return ignoreGlobs;
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
        for (ScopedGlob glob : typeGlobs) {
            if (glob.matches(workingDirectory, relativePath)) {
                return Optional.of(glob.value());
            }
        }
        return Optional.empty();
    }

    public boolean ignored(String relativePath) {
        return ignoreGlobs.stream().anyMatch(glob -> glob.matches(workingDirectory, relativePath));
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
