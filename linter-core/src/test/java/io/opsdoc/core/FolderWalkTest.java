package io.opsdoc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsdoc.core.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FolderWalk reports what {@link Files#walkFileTree} reports, in the same order. */
class FolderWalkTest {
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules");

    @TempDir
    Path dir;

    /** "+folder" on entering a folder, "file size" for a regular file. */
    private static List<String> folderWalk(Path root, boolean followLinks) {
        List<String> seen = new ArrayList<>();
        FolderWalk.walk(root, followLinks, new FolderWalk.Visitor() {
            @Override
            public boolean enter(Path folder) {
                seen.add("+" + folder);
                return folder.equals(root) || !SKIPPED.contains(folder.getFileName().toString());
            }

            @Override
            public void file(Path file, BasicFileAttributes attributes) {
                seen.add(file + " " + attributes.size());
            }
        });
        return seen;
    }

    private static List<String> walkFileTree(Path root, boolean followLinks) throws IOException {
        List<String> seen = new ArrayList<>();
        if (!Files.exists(root)) {
            return seen;
        }
        Files.walkFileTree(root, followLinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class),
                Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                        seen.add("+" + folder);
                        return folder.equals(root) || !SKIPPED.contains(folder.getFileName().toString())
                                ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            seen.add(file + " " + attributes.size());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
        return seen;
    }

    private static void assertSameWalk(Path root) throws IOException {
        for (boolean follow : new boolean[] {true, false}) {
            assertThat(folderWalk(root, follow)).as("%s, following links: %s", root, follow)
                    .isEqualTo(walkFileTree(root, follow));
        }
    }

    @Test
    void foldersLinksLoopsAndSkippedFoldersAreWalkedAsWalkFileTreeWalksThem() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs/deep/deeper"));
        Files.writeString(docs.resolve("a.md"), "# A\n");
        Files.writeString(dir.resolve("docs/b.md"), "# B, longer\n");
        Files.writeString(dir.resolve("top.txt"), "text");
        Files.writeString(Files.createDirectories(dir.resolve("node_modules/pkg")).resolve("r.md"), "# R\n");
        Files.writeString(Files.createDirectories(dir.resolve(".git")).resolve("HEAD"), "ref");
        Files.createDirectories(dir.resolve("empty"));
        Path outside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-outside"));
        Files.writeString(outside.resolve("o.md"), "# O\n");
        Files.createSymbolicLink(dir.resolve("linked"), outside);
        Files.createSymbolicLink(dir.resolve("docs/deep/loop"), dir.resolve("docs"));
        Files.createSymbolicLink(dir.resolve("file-link.md"), dir.resolve("docs/b.md"));
        Files.createSymbolicLink(dir.resolve("broken.md"), dir.resolve("missing.md"));

        assertSameWalk(dir);
        assertSameWalk(dir.resolve("docs"));
        assertSameWalk(dir.resolve("docs/b.md"));
        assertSameWalk(dir.resolve("linked"));
        assertSameWalk(dir.resolve("no-such-folder"));
        assertThat(folderWalk(dir, true)).contains("+" + dir.resolve("linked"), dir.resolve("file-link.md") + " 12")
                .doesNotContain("+" + dir.resolve("docs/deep/loop"), "+" + dir.resolve("node_modules/pkg"));
        assertThat(folderWalk(dir, false)).doesNotContain("+" + dir.resolve("linked"), dir.resolve("file-link.md") + " 12");
    }

    @Test
    void theCorpusIsWalkedAsWalkFileTreeWalksIt() throws IOException {
        Optional<Path> corpus = SharedCorpus.find();
        assumeTrue(corpus.isPresent(), "shared/corpus not found above the working directory");
        assertSameWalk(corpus.get());
    }
}
