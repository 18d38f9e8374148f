package io.opsdoc.core.engine;

import io.opsdoc.core.FolderWalk;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Finds the Markdown files under the given paths, skipping VCS, dependency and build folders and symlink loops. */
public final class FileDiscovery {

    /** Files found (absolute, normalised, sorted, unique) and notices about what could not be walked. */
    public record Result(List<Path> files, List<Notice> notices) {
    }

    private final Path workingDirectory;

    public FileDiscovery(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public static boolean isMarkdown(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    public Result discover(List<Path> paths, Predicate<Path> ignored) {
        return discover(paths, ignored, file -> { });
    }

    /**
     * As {@link #discover(List, Predicate)}, also handing each file to {@code found} as soon as
     * the walk finds it (in walk order, each once), so that checking can start before it ends.
     */
    public Result discover(List<Path> paths, Predicate<Path> ignored, Consumer<Path> found) {
        Set<Path> files = new LinkedHashSet<>();
        List<Notice> notices = new ArrayList<>();
        for (Path given : paths) {
            Path path = workingDirectory.resolve(given).normalize();
            if (!Files.exists(path)) {
                notices.add(new Notice(display(path), Notice.Kind.ERROR, "no such file or directory"));
            } else if (Files.isDirectory(path)) {
                walk(path, files, notices, ignored, found);
            } else if (!ignored.test(path) && files.add(path)) {
                // An explicitly named file is checked whatever its extension.
                found.accept(path);
            }
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(null);
        return new Result(sorted, notices);
    }

    private void walk(Path root, Set<Path> files, List<Notice> notices, Predicate<Path> ignored,
            Consumer<Path> found) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return FolderWalk.skipped(root, dir) || !dir.equals(root) && ignored.test(dir)
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            Path normalized = file.normalize();
                            if (attrs.isRegularFile() && isMarkdown(file) && !ignored.test(file)
                                    && files.add(normalized)) {
                                found.accept(normalized);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String why = e instanceof FileSystemLoopException ? "skipped: symbolic link loop"
                                    : "skipped: cannot read (" + e.getClass().getSimpleName() + ")";
                            notices.add(new Notice(display(file), Notice.Kind.SKIPPED, why));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            notices.add(new Notice(display(root), Notice.Kind.ERROR, "cannot walk directory: " + e.getMessage()));
        }
    }

    /** How much Markdown a run reads: all files together and the largest one. */
    public record MarkdownSize(long totalBytes, long largestBytes) {
        public static final MarkdownSize NONE = new MarkdownSize(0, 0);

        public MarkdownSize plus(MarkdownSize other) {
            return new MarkdownSize(totalBytes + other.totalBytes, Math.max(largestBytes, other.largestBytes));
        }
    }

    /**
     * Bytes of the Markdown files under {@code root}, walked as {@link #discover} walks (configured
     * ignores aside): enough to size a run before it starts.
     */
    public static long markdownBytes(Path root) {
        return markdownSize(root).totalBytes();
    }

    /** Like {@link #markdownBytes}, with the size of the largest file too (its model dominates the heap). */
    public static MarkdownSize markdownSize(Path root) {
        long[] bytes = {0, 0};
        FolderWalk.walk(root, true, new FolderWalk.Visitor() {
            @Override
            public boolean enter(Path folder) {
                return !FolderWalk.skipped(root, folder);
            }

            @Override
            public void file(Path file, BasicFileAttributes attributes) {
                if (isMarkdown(file)) {
                    bytes[0] += attributes.size();
                    bytes[1] = Math.max(bytes[1], attributes.size());
                }
            }
        });
        return new MarkdownSize(bytes[0], bytes[1]);
    }

    /** Path relative to the working directory with '/' separators, or absolute when outside it. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path shown = abs.startsWith(workingDirectory) ? workingDirectory.relativize(abs) : abs;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
