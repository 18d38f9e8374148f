package io.opsdoc.cli;

import io.opsdoc.core.fix.FixSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code opsdoc fix} may write: inside the folders it was given (a file given by name
 * stands for its folder), judged on real paths, so neither a {@code ../} in a configured file
 * name nor a symbolic link (to a file or on a folder of the path) leads a write outside them.
 * Every changed file gets a {@link Decision} before anything is written, so a refusal can stop
 * the run's creations; {@link #recheck} repeats the check right before each write.
 */
final class FixTargets {
    /** What to do with one changed file. */
    sealed interface Decision permits Write, Refuse, Skip {
    }

    /** Write the file's new text to {@code target} (the real file behind a link inside the tree). */
    record Write(Path target) implements Decision {
    }

    /** Do not write, and say why: the run exits 2 and creates no file. */
    record Refuse(String reason) implements Decision {
    }

    /** Do not write; not a problem (the same file is fixed under another name). */
    record Skip(String note) implements Decision {
    }

    private final List<Path> roots;

    private FixTargets(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The real paths of the given folders, and of the folders of the given files; missing paths add none. */
    static FixTargets of(List<Path> given, Path workingDirectory) {
        List<Path> roots = new ArrayList<>();
        for (Path path : given) {
            Path absolute = workingDirectory.resolve(path).toAbsolutePath().normalize();
            Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
            if (folder == null || !Files.exists(absolute)) {
                continue;
            }
            try {
                roots.add(folder.toRealPath());
            } catch (IOException e) {
                // A folder that cannot be resolved allows no write.
            }
        }
        return new FixTargets(roots);
    }

    /** One changed file and what to do with it. */
    record Planned(FixSession.FileResult file, Decision decision) {
    }

    /** Decides for every changed file of {@code outcome}, in order. */
    List<Planned> decide(FixSession.Outcome outcome) {
        // A file reached under two names (a link, or a linked folder) is written once, under its own name when it has one.
        Map<Path, String> owners = new HashMap<>();
        for (FixSession.FileResult file : outcome.files()) {
            if (file.created()) {
                continue;
            }
            Path path = file.path().toAbsolutePath().normalize();
            real(path).ifPresent(real -> {
                if (real.equals(path) || !owners.containsKey(real)) {
                    owners.put(real, file.displayPath());
                }
            });
        }
        List<Planned> plan = new ArrayList<>();
        for (FixSession.FileResult file : outcome.changed()) {
            plan.add(new Planned(file, file.created() ? decideCreate(file) : decideEdit(file, owners)));
        }
        return plan;
    }

    private Decision decideEdit(FixSession.FileResult file, Map<Path, String> owners) {
        Path path = file.path().toAbsolutePath().normalize();
        boolean link = Files.isSymbolicLink(path);
        Optional<Path> resolved = real(path);
        if (resolved.isEmpty()) {
            return new Refuse(link ? "it is a symbolic link that cannot be followed" : "its real path cannot be resolved");
        }
        Path real = resolved.get();
        if (!inside(real)) {
            return new Refuse(link ? "it is a symbolic link to a file outside the folders given to opsdoc fix"
                    : "a folder on its path is a symbolic link to outside the folders given to opsdoc fix");
        }
        String owner = owners.get(real);
        if (owner != null && !owner.equals(file.displayPath())) {
            return new Skip("not fixing " + file.displayPath() + " under this name: it is the same file as " + owner
                    + ", which is fixed");
        }
        if (!Files.isRegularFile(real)) {
            return new Refuse("it is not a regular file");
        }
        if (readOnly(real)) {
            return new Refuse("it is read-only; make it writable if opsdoc fix may change it");
        }
        return new Write(real);
    }

    private Decision decideCreate(FixSession.FileResult file) {
        Path target = file.path().toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Skip("not created " + file.displayPath() + ": it already exists; opsdoc never overwrites a file it creates");
        }
        return outside(target).<Decision>map(Refuse::new).orElseGet(() -> new Write(target));
    }

    /**
     * Why a file may not be created at {@code target} (outside the given folders once the folders
     * that exist on its path are resolved), or empty when it may. Called again right before writing.
     */
    Optional<String> outside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of("none of its folders exists");
        }
        Optional<Path> real = real(existing);
        if (real.isEmpty()) {
            return Optional.of("its folder cannot be resolved (a broken symbolic link?)");
        }
        Path resolved = real.get().resolve(existing.relativize(absolute)).normalize();
        if (!inside(resolved)) {
            return Optional.of("it would be outside the folders given to opsdoc fix");
        }
        return Optional.empty();
    }

    /** Why {@code target} may not be written now, or empty: the check of {@link #decide}, repeated just before the write. */
    Optional<String> recheck(FixSession.FileResult file, Path target) {
        if (file.created()) {
            return outside(target);
        }
        Optional<Path> real = real(target);
        if (real.isEmpty() || !inside(real.get())) {
            return Optional.of("it would be outside the folders given to opsdoc fix");
        }
        if (readOnly(real.get())) {
            return Optional.of("it is read-only; make it writable if opsdoc fix may change it");
        }
        return Optional.empty();
    }

    private boolean inside(Path real) {
        return roots.stream().anyMatch(real::startsWith);
    }

    /**
     * Read-only by its permission bits, not only by what the OS would allow: the superuser may write
     * anything, yet a file its owner made read-only is not opsdoc's to replace.
     */
    static boolean readOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
