package io.opsdoc.core.config;

import io.opsdoc.core.FolderWalk;
import io.opsdoc.core.text.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads configuration files: {@code .opsdoc.yml} (or {@code .opsdoc.yaml}) in a folder
 * and its parents up to the repository root (the folder holding {@code .git}; outside a git
 * repository, the folder that was given to check) or a file saying {@code root: true}, or a single
 * file given with {@code --config}; plus the files and built-in presets they extend. Parsed files
 * are cached; all methods are thread-safe.
 *
 * <p>An {@code extends} path must stay inside the repository root (or the folder of the
 * {@code --config} file): a configuration that came with the checked files must not make opsdoc
 * read other files of the machine. A file reached through {@code extends} is never quoted in an
 * error message.
 *
 * <p>{@link #discover} reads every configuration that applies to the given paths up front, so a
 * broken file is reported before any checking starts and custom rules are known before the rule
 * registry is built.
 */
public final class ConfigLoader {
    public static final List<String> FILE_NAMES = List.of(".opsdoc.yml", ".opsdoc.yaml");
    public static final List<String> PRESETS = List.of("recommended", "strict", "all");
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private final Path workingDirectory;
    private final Optional<Path> explicit;
    private final Map<Path, ConfigFile> files = new LinkedHashMap<>();
    private final Map<String, ConfigFile> presets = new HashMap<>();
    private final Map<Path, Optional<Path>> folderConfigs = new HashMap<>();
    private final Map<Path, Optional<Path>> gitRoots = new HashMap<>();
    /** The folders given to check (a given file stands for its folder): the ceiling outside git. */
    private final List<Path> checkedRoots;

    public ConfigLoader(Path workingDirectory, Optional<Path> explicit) {
        this(workingDirectory, explicit, List.of());
    }

    private ConfigLoader(Path workingDirectory, Optional<Path> explicit, List<Path> paths) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.explicit = explicit.map(p -> this.workingDirectory.resolve(p).normalize());
        List<Path> roots = new ArrayList<>();
        for (Path given : paths) {
            Path path = this.workingDirectory.resolve(given).normalize();
            Path root = Files.isDirectory(path) || path.getParent() == null ? path : path.getParent();
            roots.add(root);
        }
        this.checkedRoots = List.copyOf(roots);
    }

    /** A loader that has read every configuration that applies to {@code paths} (and to the working directory). */
    public static ConfigLoader discover(Path workingDirectory, Optional<Path> explicit, List<Path> paths) {
        ConfigLoader loader = new ConfigLoader(workingDirectory, explicit, paths);
        loader.chain(loader.workingDirectory);
        if (loader.explicit.isEmpty()) {
            for (Path given : paths) {
                Path path = loader.workingDirectory.resolve(given).normalize();
                if (Files.isDirectory(path)) {
                    loader.chain(path);
                    loader.walkDown(path);
                } else if (path.getParent() != null) {
                    loader.chain(path.getParent());
                }
            }
        }
        loader.customRules();
        return loader;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Optional<Path> explicit() {
        return explicit;
    }

    private void walkDown(Path root) {
        // Folders that cannot be walked are reported by file discovery; nothing to configure there.
        FolderWalk.walk(root, false, new FolderWalk.Visitor() {
            @Override
            public boolean enter(Path folder) {
                if (FolderWalk.skipped(root, folder)) {
                    return false;
                }
                if (configIn(folder).isPresent()) {
                    chain(folder);
                }
                return true;
            }

            @Override
            public void file(Path file, BasicFileAttributes attributes) {
                // Configuration is found by folder.
            }
        });
    }

    /** The configuration files that apply to files in {@code folder}, outermost first. */
    synchronized List<ConfigFile> chain(Path folder) {
        if (explicit.isPresent()) {
            return List.of(load(explicit.get()));
        }
        List<ConfigFile> found = new ArrayList<>();
        Path dir = folder.toAbsolutePath().normalize();
        Path ceiling = repositoryRoot(dir);
        while (dir != null && dir.startsWith(ceiling)) {
            Optional<Path> config = configIn(dir);
            if (config.isPresent()) {
                ConfigFile file = load(config.get());
                found.add(file);
                if (file.root()) {
                    break;
                }
            }
            dir = dir.getParent();
        }
        Collections.reverse(found);
        return found;
    }

    private synchronized Optional<Path> configIn(Path folder) {
        Optional<Path> cached = folderConfigs.get(folder);
        if (cached != null) {
            return cached;
        }
        List<Path> present = new ArrayList<>();
        for (String name : FILE_NAMES) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                present.add(candidate);
            }
        }
        if (present.size() > 1) {
            throw new ConfigException(display(present.get(1)), 1, 1, "two configuration files in one folder ("
                    + FILE_NAMES.get(0) + " and " + FILE_NAMES.get(1) + "); keep one");
        }
        Optional<Path> result = present.stream().findFirst();
        folderConfigs.put(folder, result);
        return result;
    }

    /**
     * The folder configuration lookup and {@code extends} may not leave for files in {@code folder}:
     * the git work tree holding it; outside git, the outermost folder given to check that holds
     * it (else {@code folder} itself), so that a {@code .opsdoc.yml} in a shared parent such as
     * {@code /tmp} or the home folder is never read by accident.
     */
    synchronized Path repositoryRoot(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        Optional<Path> git = gitRoot(dir);
        if (git.isPresent()) {
            return git.get();
        }
        return checkedRoots.stream().filter(dir::startsWith).min(java.util.Comparator.comparingInt(Path::getNameCount))
                .orElse(dir);
    }

    private Optional<Path> gitRoot(Path dir) {
        Optional<Path> cached = gitRoots.get(dir);
        if (cached != null) {
            return cached;
        }
        Optional<Path> result = Files.exists(dir.resolve(".git")) ? Optional.of(dir)
                : dir.getParent() == null ? Optional.empty() : gitRoot(dir.getParent());
        gitRoots.put(dir, result);
        return result;
    }

    /** Reads (once) the configuration file at {@code path} and everything it extends. */
    synchronized ConfigFile load(Path path) {
        return load(path.toAbsolutePath().normalize(), new ArrayDeque<>(), Optional.empty());
    }

    /**
     * Reads {@code path}; {@code via} is the {@code extends} entry (of {@code from}) that named it,
     * empty for a configuration file found by lookup or given with {@code --config}.
     */
    private ConfigFile load(Path path, Deque<Path> loading, Optional<Via> via) {
        ConfigFile cached = files.get(path);
        if (cached != null) {
            return cached;
        }
        // A file reached through extends may be any file: its content never appears in a message,
        // unless it is itself a configuration file by name (the usual "extends: ../.opsdoc.yml").
        // A --config file is quoted when it is a YAML file by name (not a .env or /etc/passwd).
        String name = String.valueOf(path.getFileName());
        boolean quotable = via.isEmpty() && !path.equals(explicit.orElse(null)) || FILE_NAMES.contains(name)
                || via.isEmpty() && (name.endsWith(".yml") || name.endsWith(".yaml"));
        String text;
        try {
            // The parser stops at a million code points; a larger file is not read into memory at all.
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigException(display(path), 1, 1, "too large for a configuration file (over "
                        + MAX_BYTES / (1024 * 1024) + " MB)");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(display(path), 1, 1, "configuration file not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException(display(path), 1, 1, "cannot read the configuration file (" + e.getClass().getSimpleName() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ConfigFile file;
        try {
            file = ConfigParser.parse(text, Optional.of(path), display(path), false, quotable);
        } catch (ConfigException e) {
            if (via.isEmpty() || quotable) {
                throw e;
            }
            // Reported where the user wrote the extends, with the position of the problem only.
            throw via.get().ext().at().error("extends " + via.get().from().quote(via.get().ext().target())
                    + ": not a usable opsdoc configuration (" + display(path) + " line " + e.line() + ", column "
                    + e.column() + ": " + e.problem() + ")");
        }
        loading.push(path);
        for (ConfigFile.Extends ext : file.extendsList()) {
            if (PRESETS.contains(ext.target())) {
                preset(ext.target());
                continue;
            }
            load(extendsTarget(file, ext, loading), loading, Optional.of(new Via(file, ext)));
        }
        loading.pop();
        files.put(path, file);
        return file;
    }

    /** An extends entry and the file that holds it. */
    private record Via(ConfigFile from, ConfigFile.Extends ext) {
    }

    /** The file an extends entry names, checked: it exists, makes no cycle and stays inside the allowed folders. */
    private Path extendsTarget(ConfigFile file, ConfigFile.Extends ext, Deque<Path> loading) {
        String quoted = file.quote(ext.target());
        Path folder = file.folder().orElse(workingDirectory);
        Path target;
        try {
            target = folder.resolve(ext.target()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw ext.at().error("extends " + quoted + ": not a valid path");
        }
        if (loading.contains(target)) {
            throw ext.at().error("extends " + quoted + " makes a cycle (" + display(target)
                    + " already extends this file)");
        }
        List<Path> allowed = new ArrayList<>();
        allowed.add(repositoryRoot(folder));
        explicit.map(Path::getParent).ifPresent(allowed::add);
        if (!inside(target, allowed)) {
            throw ext.at().error("extends " + quoted + ": outside the repository root (" + display(allowed.get(0))
                    + "), not read; a file elsewhere can be given with --config");
        }
        if (!Files.isRegularFile(target)) {
            throw ext.at().error("extends " + quoted + ": no such file (a path is relative to this file; presets are "
                    + String.join(", ", PRESETS) + ")" + (file.quotable() ? Suggestions.didYouMean(ext.target(), PRESETS) : ""));
        }
        return target;
    }

    /** Whether {@code target}, after following links, lies inside one of {@code folders}. */
    private static boolean inside(Path target, List<Path> folders) {
        Path real = target;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            // A missing file is reported as missing; the normalized path is checked meanwhile.
        }
        for (Path folder : folders) {
            Path realFolder = folder;
            try {
                realFolder = folder.toRealPath();
            } catch (IOException e) {
                // keep the normalized path
            }
            if (target.startsWith(folder) && real.startsWith(realFolder)) {
                return true;
            }
        }
        return false;
    }

    /** The parsed file an {@code extends} entry of {@code file} names (already loaded). */
    synchronized ConfigFile extended(ConfigFile file, ConfigFile.Extends ext) {
        if (PRESETS.contains(ext.target())) {
            return preset(ext.target());
        }
        Path base = file.folder().orElse(workingDirectory);
        Path target = base.resolve(ext.target()).normalize();
        ConfigFile cached = files.get(target);
        return cached != null ? cached : load(target, new ArrayDeque<>(), Optional.of(new Via(file, ext)));
    }

    synchronized ConfigFile preset(String name) {
        ConfigFile cached = presets.get(name);
        if (cached != null) {
            return cached;
        }
        String resource = "presets/" + name + ".yml";
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset " + resource + " missing from the opsdoc jar");
            }
            ConfigFile file = ConfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Optional.empty(),
                    "preset " + name, true, true);
            presets.put(name, file);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every file read so far, in reading order. */
    synchronized List<ConfigFile> loaded() {
        return List.copyOf(files.values());
    }

    /**
     * The custom rules of every configuration read so far; two files defining the same name is an
     * error (extending one shared file is how teams share a custom rule).
     */
    public synchronized List<CustomRuleDefinition> customRules() {
        Map<String, CustomRuleDefinition> byId = new LinkedHashMap<>();
        for (ConfigFile file : files.values()) {
            for (CustomRuleDefinition definition : file.customRules()) {
                CustomRuleDefinition earlier = byId.putIfAbsent(definition.id(), definition);
                if (earlier != null && !earlier.origin().equals(definition.origin())) {
                    throw file.customRuleLocations().get(definition.id()).error("custom rule " + definition.id()
                            + " is already defined in " + display(earlier.origin()) + "; give it another name");
                }
            }
        }
        return List.copyOf(byId.values());
    }

    /** Path as shown in messages: relative to the working directory when inside it. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(workingDirectory)) {
            String relative = workingDirectory.relativize(absolute).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
        return absolute.toString().replace('\\', '/');
    }
}
