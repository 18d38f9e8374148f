package io.opsdoc.cli.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options {@code ./opsdoc} starts Java with, read from a stand-in {@code java} that records
 * its arguments: a run over a few files gets the fast-start options (and huge pages for the heap
 * where Linux gives them on request), a run over a folder none (the relaunched JVM chooses its own).
 */
class LauncherFlagsTest {
    private static final Path TRANSPARENT_HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    @TempDir
    Path dir;

    private Path javaHome;
    private Path recorded;

    @BeforeEach
    void standInJava() throws IOException {
        assumeTrue(new File("/bin/sh").canExecute(), "a POSIX shell is needed");
        javaHome = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        recorded = dir.resolve("arguments.txt");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + recorded + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("opsdoc.jar"), "not run");
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/plan.md"), "# Plan\n");
    }

    @Test
    void aFewFilesGetTheFastStartOptionsAndHugePagesWhereTheSystemGivesThemOnRequest() throws Exception {
        List<String> arguments = launch("check", "docs/plan.md");
        assertThat(arguments).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:-UsePerfData");
        boolean onRequest = Files.isReadable(TRANSPARENT_HUGE_PAGES)
                && Files.readString(TRANSPARENT_HUGE_PAGES).contains("[madvise]");
        if (onRequest) {
            assertThat(arguments).contains("-XX:+UseTransparentHugePages");
        } else {
            assertThat(arguments).doesNotContain("-XX:+UseTransparentHugePages");
        }
        assertThat(arguments.subList(arguments.indexOf("-jar"), arguments.size()))
                .containsExactly("-jar", dir.resolve("opsdoc.jar").toString(), "check", "docs/plan.md");
    }

    @Test
    void aFolderGetsNoOptionsFromTheLauncher() throws Exception {
        List<String> arguments = launch("check", "docs");
        assertThat(arguments).containsExactly("-jar", dir.resolve("opsdoc.jar").toString(), "check", "docs");
    }

    /** Runs the repository's launcher in {@code dir} with the stand-in java; returns the arguments java got. */
    private List<String> launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", RepositoryFiles.file("opsdoc").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("OPSDOC_JAR", dir.resolve("opsdoc.jar").toString());
        builder.environment().put("OPSDOC_ARCHIVE", "off");
        builder.environment().remove("OPSDOC_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Files.readAllLines(recorded);
    }
}
