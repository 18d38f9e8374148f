package io.opsdoc.core.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The files a rule may open besides the document it checks: those under {@code root} (the
 * repository holding the checked path, or the checked folder itself outside a repository) and
 * no larger than {@code maxFileBytes} ({@code --max-file-size}). A path counts as inside only
 * when it is inside after following symbolic links, so a link cannot lead a rule out of the tree.
 *
 * <p>A value (equal when root and limit are), not a record only because it also caches the
 * root's real path: every {@link #contains} needs it, and resolving it costs one system call per
 * folder of the root (files and folders are assumed not to change during a run).
 */
public final class FileScope {
    /** The size limit when none is configured (the engine's default {@code --max-file-size}). */
    public static final long DEFAULT_MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final Path root;
    private final long maxFileBytes;
    /** The root after following symbolic links; resolved on first use (racing threads agree). */
    private volatile Path realRoot;

    public FileScope(Path root, long maxFileBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
    }

    /** The root, absolute and normalised (symbolic links not followed). */
    public Path root() {
        return root;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * The scope of a check started on {@code checked} (a file or folder): the repository that
     * holds it (the nearest folder with {@code .git}), else the checked folder.
     */
    public static FileScope of(Path checked, long maxFileBytes) {
        Path abs = checked.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(abs) ? abs : abs.getParent() == null ? abs : abs.getParent();
        return new FileScope(repositoryRoot(folder).orElse(folder), maxFileBytes);
    }

    /** The nearest folder at or above {@code folder} that holds {@code .git} (a folder, or a file in worktrees). */
    public static Optional<Path> repositoryRoot(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** True when {@code path} lies under the root, also after resolving symbolic links. */
    public boolean contains(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(root) && containsReal(realPath(abs));
    }

    /**
     * True when {@code real}, the {@linkplain #realPath real path} of a path under the root, is
     * inside: for callers that resolve real paths through a cache of their own.
     */
    boolean containsReal(Path real) {
        return real.startsWith(realRoot());
    }

    private Path realRoot() {
        Path real = realRoot;
        if (real == null) {
            real = realPath(root);
            realRoot = real;
        }
        return real;
    }

    /** True when {@code file} may be read: inside the scope and not larger than the limit. */
    public boolean readable(Path file) {
        try {
            return contains(file) && Files.size(file) <= maxFileBytes;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The real path of {@code path}; for a path that does not exist, the real path of its
     * nearest existing ancestor with the missing names appended (a missing file inside a
     * symlinked folder is judged by where the folder leads).
     */
    static Path realPath(Path path) {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = path;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                for (Path name : missing) {
                    real = real.resolve(name);
                }
                return real.normalize();
            } catch (IOException e) {
                if (existing.getFileName() == null) {
                    break;
                }
                missing.push(existing.getFileName());
                existing = existing.getParent();
            }
        }
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other == this
                || other instanceof FileScope scope && root.equals(scope.root) && maxFileBytes == scope.maxFileBytes;
    }

    @Override
    public int hashCode() {
        return root.hashCode() * 31 + Long.hashCode(maxFileBytes);
    }

    @Override
    public String toString() {
        return "FileScope[root=" + root + ", maxFileBytes=" + maxFileBytes + "]";
    }
}
