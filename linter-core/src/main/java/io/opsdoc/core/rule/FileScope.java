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
 */
public record FileScope(Path root, long maxFileBytes) {
    /** The size limit when none is configured (the engine's default {@code --max-file-size}). */
    public static final long DEFAULT_MAX_FILE_BYTES = 8L * 1024 * 1024;

    public FileScope {
        root = root.toAbsolutePath().normalize();
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
        if (!abs.startsWith(root)) {
            return false;
        }
        return realPath(abs).startsWith(realPath(root));
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
    private static Path realPath(Path path) {
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
}
