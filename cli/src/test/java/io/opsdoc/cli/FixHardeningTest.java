package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, items 1, 5, 7 and 8 through the CLI: {@code opsdoc fix} writes nothing outside the
 * folders it was given (configured file names, linked folders, links to outside files), never
 * replaces a link or a read-only file, creates no document in a run with a refusal, keeps
 * {@code --dry-run} memory linear, and never shows a secret in its diff.
 */
class FixHardeningTest {
    /** Made-up key in the AWS access key format, as security/hardcoded-secret reports it. */
    private static final String FAKE_KEY = "AKIAZ7QW4RT2LMX9KD3B";

    @TempDir
    Path temp;

    /** The fix-case planning set (it lacks the monitoring strategy) copied to {@code folder}. */
    private static Path planning(Path folder) throws IOException, URISyntaxException {
        Path source = Path.of(FixHardeningTest.class.getResource("fix-case/docs/planning").toURI());
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertOneLineErrors(CliRun run) {
        assertThat(run.err()).doesNotContain("\tat ", "Exception", "internal error");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void aConfiguredFileNameLeadingOutsideTheFolderIsNeverCreated() throws Exception {
        Path planning = planning(temp.resolve("repo/docs/planning"));
        for (String file : List.of("../../x/.ssh/authorized_keys", temp.resolve("abs/authorized_keys").toString())) {
            Files.writeString(planning.resolve(".opsdoc.yml"), "types:\n  cicd-pipeline:\n    file: " + file
                    + "\n    sections: [{title: O, guidance: \"ssh-ed25519 AAAA attacker\"}]\n", StandardCharsets.UTF_8);
            CliRun run = CliRun.of("fix", planning.toString(), "--fail-on", "none");
            // Configuration validation may refuse it first; either way: exit 2, one line, nothing written.
            assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertOneLineErrors(run);
            assertThat(temp.resolve("repo/x")).doesNotExist();
            assertThat(temp.resolve("x")).doesNotExist();
            assertThat(temp.resolve("abs")).doesNotExist();
            assertThat(names(planning)).as("no sibling created in a run with a refusal")
                    .doesNotContain("monitoring-strategy.md");
            CliRun dry = CliRun.of("fix", planning.toString(), "--dry-run", "--fail-on", "none");
            assertThat(dry.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(dry.out()).doesNotContain("authorized_keys");
        }
    }

    @Test
    void aLinkedFolderLeadingOutsideTheTreeIsNotWrittenThrough() throws Exception {
        assumeTrue(posix());
        Path outside = planning(temp.resolve("outside/plan"));
        List<String> before = names(outside);
        String cicd = Files.readString(outside.resolve("cicd-pipeline.md"));
        Path docs = Files.createDirectories(temp.resolve("repo/docs"));
        Files.createSymbolicLink(docs.resolve("planning"), outside);

        CliRun run = CliRun.of("fix", docs.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not fixing").contains("outside the folders given to opsdoc fix");
        assertOneLineErrors(run);
        assertThat(names(outside)).isEqualTo(before);
        assertThat(Files.readString(outside.resolve("cicd-pipeline.md"))).isEqualTo(cicd);

        FixTargets targets = FixTargets.of(List.of(docs), temp);
        assertThat(targets.outside(docs.resolve("planning/monitoring-strategy.md"))).isPresent();
        assertThat(targets.outside(docs.resolve("new/monitoring-strategy.md"))).isEmpty();
        assertThat(targets.outside(docs.resolve("../../x/authorized_keys"))).isPresent();
    }

    @Test
    void aLinkToAFileOutsideTheTreeIsRefusedAndStaysALink() throws Exception {
        assumeTrue(posix());
        Path outside = planning(temp.resolve("outside"));
        String original = Files.readString(outside.resolve("cicd-pipeline.md"));
        Path planning = planning(temp.resolve("repo/docs/planning"));
        Files.delete(planning.resolve("cicd-pipeline.md"));
        Files.createSymbolicLink(planning.resolve("cicd-pipeline.md"), outside.resolve("cicd-pipeline.md"));
        String deployment = Files.readString(planning.resolve("deployment-strategy.md"));

        CliRun run = CliRun.of("fix", planning.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not fixing " + display(planning.resolve("cicd-pipeline.md"))
                + ": it is a symbolic link to a file outside the folders given to opsdoc fix");
        assertThat(run.err()).contains("not created ");
        assertOneLineErrors(run);
        assertThat(Files.isSymbolicLink(planning.resolve("cicd-pipeline.md"))).isTrue();
        assertThat(Files.readString(outside.resolve("cicd-pipeline.md"))).isEqualTo(original);
        assertThat(names(planning)).doesNotContain("monitoring-strategy.md");
        assertThat(Files.readString(planning.resolve("deployment-strategy.md")))
                .as("other files of the tree are still fixed").isNotEqualTo(deployment).contains("```yaml");
    }

    @Test
    void aLinkInsideTheTreeEditsItsTargetAndStaysALink() throws Exception {
        assumeTrue(posix());
        Path planning = planning(temp.resolve("repo/docs/planning"));
        // The target is not a Markdown file, so only the link brings it into the run.
        Path target = planning.resolve("cicd-pipeline.txt");
        Files.move(planning.resolve("cicd-pipeline.md"), target);
        Files.createSymbolicLink(planning.resolve("cicd-pipeline.md"), Path.of("cicd-pipeline.txt"));

        CliRun run = CliRun.of("fix", planning.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(planning.resolve("cicd-pipeline.md"))).isTrue();
        assertThat(Files.readString(target)).contains("```yaml", "## Pipeline Philosophy");
        assertThat(names(planning)).contains("monitoring-strategy.md").noneMatch(n -> n.contains("opsdoc-tmp"));
    }

    @Test
    void aLinkToAnotherFileOfTheRunIsFixedOnceUnderTheFilesOwnName() throws Exception {
        assumeTrue(posix());
        Path planning = planning(temp.resolve("repo/docs/planning"));
        Path copies = Files.createDirectories(temp.resolve("repo/docs/copies"));
        Files.createSymbolicLink(copies.resolve("deployment-strategy.md"), planning.resolve("deployment-strategy.md"));

        CliRun run = CliRun.of("fix", temp.resolve("repo/docs").toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(copies.resolve("deployment-strategy.md"))).isTrue();
        assertThat(Files.readString(planning.resolve("deployment-strategy.md"))).contains("```yaml");
        assertThat(run.err()).doesNotContain("changed on disk");
    }

    @Test
    void aReadOnlyFileIsRefusedNotReplaced() throws Exception {
        assumeTrue(posix());
        Path planning = planning(temp.resolve("repo/docs/planning"));
        Path file = planning.resolve("deployment-strategy.md");
        String original = Files.readString(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        CliRun run = CliRun.of("fix", planning.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not fixing " + display(file) + ": it is read-only");
        assertOneLineErrors(run);
        assertThat(Files.readString(file)).isEqualTo(original);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r--r--");
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("not renamed over").isEqualTo(inode);
        assertThat(names(planning)).as("no sibling created in a run with a refusal").doesNotContain("monitoring-strategy.md");

        CliRun dry = CliRun.of("fix", planning.toString(), "--dry-run", "--fail-on", "none");
        assertThat(dry.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(dry.err()).contains("it is read-only").doesNotContain("would create");
        assertThat(dry.out()).doesNotContain("/dev/null");
    }

    @Test
    void theDryRunDiffNeverShowsASecretAndTheWrittenFileKeepsIt() throws Exception {
        Path planning = planning(temp.resolve("repo/docs/planning"));
        Path file = planning.resolve("cicd-pipeline.md");
        String text = Files.readString(file);
        int fence = text.indexOf("```\n");
        Files.writeString(file, text.substring(0, fence) + "The deploy job uses the access key " + FAKE_KEY
                + " for now.\n\n" + text.substring(fence), StandardCharsets.UTF_8);

        CliRun dry = CliRun.of("fix", planning.toString(), "--dry-run", "--fail-on", "none");
        assertThat(dry.out()).contains("-```\n+```yaml").contains("access key ******** for now.");
        assertThat(dry.out() + dry.err()).doesNotContain(FAKE_KEY).doesNotContain(FAKE_KEY.substring(4));

        CliRun fix = CliRun.of("fix", planning.toString(), "--fail-on", "none");
        assertThat(fix.out() + fix.err()).doesNotContain(FAKE_KEY);
        assertThat(Files.readString(file)).as("masking is for output only").contains("access key " + FAKE_KEY + " for now.")
                .contains("```yaml");
    }

    @Test
    void initErrorsAreOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("plans"), "not a folder", StandardCharsets.UTF_8);
        CliRun run = CliRun.of("init", file.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("exists and is not a folder");
        CliRun nested = CliRun.of("init", file.resolve("sub").toString());
        assertThat(nested.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(nested.err().strip()).doesNotContain("\n").startsWith("opsdoc: cannot create folder");
        assertOneLineErrors(nested);
    }

    /**
     * A 1 MB document with 10,000 fixable code blocks through {@code fix --dry-run}, in a JVM of
     * 256 MB: the diff used to keep one frontier per edit (a 500 KB document took 5.8 GB). The
     * cross-document rules are off: their cost on such a document is not what this test measures.
     */
    @Test
    void aOneMegabyteDryRunFitsInASmallHeap() throws Exception {
        Path docs = Files.createDirectories(temp.resolve("big/docs"));
        StringBuilder text = new StringBuilder("# Deployment Strategy\n\n## Overview\n\nText.\n\n");
        for (int i = 0; text.length() < 1_000_000; i++) {
            text.append("Step ").append(i).append(" applies this manifest:\n\n```\napiVersion: v1\nkind: ConfigMap\n")
                    .append("metadata:\n  name: app-").append(i).append("\n```\n\n");
        }
        Files.writeString(docs.resolve("deployment-strategy.md"), text, StandardCharsets.UTF_8);
        Files.writeString(docs.resolve(".opsdoc.yml"), "rules:\n  consistency/*: off\n  criteria/*: off\n  principles/*: off\n",
                StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "fix", docs.toString(), "--dry-run", "--fail-on", "none"));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // Generous for a loaded CI machine; the document used to need gigabytes, or fail.
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished within 180 s").isTrue();
        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("OutOfMemoryError", "\tat ");
        try (Stream<String> lines = Files.lines(out)) {
            assertThat(lines.filter(l -> l.equals("+```yaml")).count()).isGreaterThan(9000);
        }
    }

    private static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace(File.separatorChar, '/');
    }
}
