package io.opsdoc.cli;

import io.opsdoc.core.engine.FileDiscovery;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large run is relaunched in a JVM with a heap sized from it, unless the user chose a heap or
 * opted out; the child's output and exit code are the command's.
 */
@Timeout(600)
class ChildJvmTest {
    private static final Pattern MAX_HEAP = Pattern.compile("timings: max-heap (\\d+) MB \\(([^)]*)\\)");

    @TempDir
    Path dir;

    private static ChildJvm.Launch launch(List<String> jvmArguments, Map<String, String> env) {
        return launch(jvmArguments, env, 2);
    }

    private static ChildJvm.Launch launch(List<String> jvmArguments, Map<String, String> env, int processors) {
        return new ChildJvm.Launch(jvmArguments, env, "/opt/jdk", "/opt/opsdoc.jar", false, 1024, processors, false);
    }

    private void writeTree() throws IOException {
        Path plan = Files.createDirectories(dir.resolve("plan"));
        Files.writeString(plan.resolve("cicd-pipeline.md"), "# CI/CD pipeline\n\nSome text about the pipeline.\n"
                + "The build runs `uses: actions/checkout@v4` on every push.\n".repeat(40));
    }

    @Test
    void aLargeRunGetsAChildWithAHeapSizedFromIt() throws IOException {
        writeTree();
        FileDiscovery.MarkdownSize bytes = ChildJvm.markdownSize(new String[] {"check", "plan"}, dir);

        Optional<ChildJvm.Plan> plan = ChildJvm.plan(new String[] {"check", "plan", "--format", "sarif"},
                launch(List.of("-Dfoo=bar"), Map.of()), dir);

        assertThat(bytes.totalBytes()).isEqualTo(Files.size(dir.resolve("plan/cicd-pipeline.md")));
        assertThat(plan).isPresent();
        assertThat(plan.get().heapBytes()).isEqualTo(ChildJvm.heapFor(bytes));
        assertThat(plan.get().command()).containsExactly(Path.of("/opt/jdk", "bin", "java").toString(), "-Dfoo=bar",
                "-Xmx" + ChildJvm.heapFor(bytes) / (1024 * 1024) + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-Dopsdoc.relaunched=true",
                "-cp", "/opt/opsdoc.jar", "io.opsdoc.cli.Main", "check", "plan", "--format", "sarif");
    }

    @Test
    void theChildAsksForHugePagesWhereTheSystemGivesThemOnRequestUnlessTheUserChosePageOptions() throws IOException {
        writeTree();
        String[] args = {"check", "plan"};
        String huge = "-XX:+UseTransparentHugePages";
        ChildJvm.Launch onRequest = new ChildJvm.Launch(List.of(), Map.of(), "/opt/jdk", "/opt/opsdoc.jar", false,
                1024, 2, true);
        assertThat(ChildJvm.plan(args, onRequest, dir).orElseThrow().command()).containsOnlyOnce(huge);
        assertThat(ChildJvm.plan(args, launch(List.of(), Map.of()), dir).orElseThrow().command())
                .as("not in mode madvise").doesNotContain(huge);
        for (String option : List.of("-XX:-UseTransparentHugePages", "-XX:+UseLargePages", "-XX:-UseLargePages",
                "-XX:LargePageSizeInBytes=2m")) {
            ChildJvm.Launch chosen = new ChildJvm.Launch(List.of(option), Map.of(), "/opt/jdk", "/opt/opsdoc.jar",
                    false, 1024, 2, true);
            assertThat(ChildJvm.plan(args, chosen, dir).orElseThrow().command()).as(option).doesNotContain(huge)
                    .contains(option);
        }
        ChildJvm.Launch fromEnv = new ChildJvm.Launch(List.of(), Map.of("JAVA_TOOL_OPTIONS",
                "-XX:-UseTransparentHugePages"), "/opt/jdk", "/opt/opsdoc.jar", false, 1024, 2, true);
        assertThat(ChildJvm.plan(args, fromEnv, dir).orElseThrow().command()).as("from the environment")
                .doesNotContain(huge).doesNotContain("-XX:-UseTransparentHugePages");
    }

    @Test
    void anExplicitHeapSettingOrTheOptOutKeepsTheRunInThisJvm() throws IOException {
        writeTree();
        String[] args = {"check", "plan"};
        for (String option : List.of("-Xmx512m", "-Xms64m", "-XX:MaxHeapSize=1g", "-XX:MaxRAMPercentage=50",
                "-XX:MaxRAM=2g", "-agentlib:jdwp=transport=dt_socket", "-javaagent:profiler.jar")) {
            assertThat(ChildJvm.plan(args, launch(List.of(option), Map.of()), dir)).as(option).isEmpty();
        }
        assertThat(ChildJvm.plan(args, launch(List.of("-Xmx300m"), Map.of("JAVA_TOOL_OPTIONS", "-Xmx300m")), dir))
                .isEmpty();
        assertThat(ChildJvm.plan(args, launch(List.of(), Map.of("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=25")), dir))
                .isEmpty();
        assertThat(ChildJvm.plan(args, launch(List.of(), Map.of(ChildJvm.OPT_OUT, "1")), dir)).isEmpty();
        assertThat(ChildJvm.plan(args, new ChildJvm.Launch(List.of(), Map.of(), "/opt/jdk", "/opt/opsdoc.jar", true, 0, 2, false),
                dir)).as("a child never relaunches").isEmpty();
        assertThat(ChildJvm.plan(args, launch(List.of(), Map.of()), dir)).isPresent();
    }

    @Test
    void smallRunsOtherCommandsAndBadArgumentsStayInThisJvm() throws IOException {
        writeTree();
        ChildJvm.Launch launch = new ChildJvm.Launch(List.of(), Map.of(), "/opt/jdk", "/opt/opsdoc.jar", false,
                ChildJvm.MIN_BYTES, 2, false);
        assertThat(ChildJvm.plan(new String[] {"check", "plan"}, launch, dir)).as("below the threshold").isEmpty();
        ChildJvm.Launch low = launch(List.of(), Map.of());
        assertThat(ChildJvm.plan(new String[] {"rules"}, low, dir)).isEmpty();
        assertThat(ChildJvm.plan(new String[] {"explain", "structure/required-section"}, low, dir)).isEmpty();
        assertThat(ChildJvm.plan(new String[] {"check", "--help"}, low, dir)).isEmpty();
        assertThat(ChildJvm.plan(new String[] {"check", "--no-such-option", "plan"}, low, dir)).isEmpty();
        assertThat(ChildJvm.plan(new String[] {"check", "missing"}, low, dir)).isEmpty();
        assertThat(ChildJvm.plan(new String[] {}, low, dir)).isEmpty();
        assertThat(ChildJvm.plan(new String[] {"check"}, low, dir)).as("no path means the current folder").isPresent();
        assertThat(ChildJvm.plan(new String[] {"fix", "--dry-run", "plan"}, low, dir)).isPresent();
        assertThat(ChildJvm.plan(new String[] {"baseline", "plan", "--output", "b.json"}, low, dir)).isPresent();
        assertThat(ChildJvm.plan(new String[] {"check", "--version"}, low, dir)).isEmpty();
    }

    @Test
    void aFewSmallFilesNamedAreRecognisedWithoutTheCommandModel() throws IOException {
        writeTree();
        Files.writeString(dir.resolve("notes.txt"), "text");
        Map<String, String> env = Map.of();
        assertThat(ChildJvm.mayRelaunch(new String[] {"check", "plan/cicd-pipeline.md", "-o", "notes.txt"}, env, dir))
                .isFalse();
        assertThat(ChildJvm.mayRelaunch(new String[] {"explain", "plan"}, env, dir)).isFalse();
        assertThat(ChildJvm.mayRelaunch(new String[] {"check", "plan"}, Map.of(ChildJvm.OPT_OUT, "1"), dir)).isFalse();
        assertThat(ChildJvm.mayRelaunch(new String[] {"check", "plan"}, env, dir)).isTrue();
        assertThat(ChildJvm.mayRelaunch(new String[] {"check", "--format", "sarif"}, env, dir)).isTrue();
        assertThat(ChildJvm.mayRelaunch(new String[] {"fix", "plan/cicd-pipeline.md", "plan"}, env, dir)).isTrue();
    }

    @Test
    void theUsersCollectorAndEnvironmentOptionsAreNotRepeated() throws IOException {
        writeTree();
        Optional<ChildJvm.Plan> plan = ChildJvm.plan(new String[] {"check", "plan"},
                launch(List.of("-XX:+UseParallelGC", "-XX:-TieredCompilation", "-Dfrom.env=1"),
                        Map.of("JAVA_TOOL_OPTIONS", "-Dfrom.env=1")), dir);

        assertThat(plan).isPresent();
        assertThat(plan.get().command()).contains("-XX:+UseParallelGC", "-XX:-TieredCompilation")
                .doesNotContain("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Dfrom.env=1");
    }

    @Test
    void oneCompilerThreadOnlyOnTwoCoresAndWhenTheUserSetNoCompilerOption() throws IOException {
        writeTree();
        String[] args = {"check", "plan"};

        assertThat(ChildJvm.plan(args, launch(List.of(), Map.of(), 1), dir).orElseThrow().command())
                .contains("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");
        assertThat(ChildJvm.plan(args, launch(List.of(), Map.of(), 4), dir).orElseThrow().command())
                .contains("-XX:TieredStopAtLevel=1").doesNotContain("-XX:CICompilerCount=1");
        assertThat(ChildJvm.plan(args, launch(List.of("-XX:CICompilerCount=3"), Map.of(), 2), dir).orElseThrow()
                .command()).containsOnlyOnce("-XX:CICompilerCount=3").doesNotContain("-XX:CICompilerCount=1",
                        "-XX:TieredStopAtLevel=1");
    }

    @Test
    void theChildStartsFromTheArchiveNextToTheJarForItsJavaVersion() throws IOException {
        Path jar = Files.writeString(dir.resolve("opsdoc.jar"), "jar");
        assertThat(ChildJvm.archiveOptions(List.of(), "opsdoc.jar", dir, 17)).as("no archive").isEmpty();

        Path jsa = Files.writeString(dir.resolve("opsdoc.jsa"), "archive");
        Path aot = Files.writeString(dir.resolve("opsdoc.aot"), "cache");
        assertThat(ChildJvm.archiveOptions(List.of(), "opsdoc.jar", dir, 17)).containsExactly(
                "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(ChildJvm.archiveOptions(List.of(), jar.toString(), dir, 21)).first().isEqualTo(
                "-XX:SharedArchiveFile=" + jsa);
        assertThat(ChildJvm.archiveOptions(List.of(), "opsdoc.jar", dir, 25)).containsExactly(
                "-XX:AOTCache=" + aot, "-Xlog:aot=off", "-Xlog:cds=off");

        for (String option : List.of("-Xshare:off", "-XX:SharedArchiveFile=/other.jsa", "-XX:AOTCache=/other.aot",
                "-XX:ArchiveClassesAtExit=/new.jsa", "-XX:AOTMode=off", "-XX:+AutoCreateSharedArchive")) {
            assertThat(ChildJvm.archiveOptions(List.of(option), "opsdoc.jar", dir, 17)).as(option).isEmpty();
        }
        assertThat(ChildJvm.archiveOptions(List.of(), "opsdoc.jar" + java.io.File.pathSeparator + "other.jar", dir, 17))
                .as("a class path of several entries").isEmpty();

        Files.setLastModifiedTime(jsa, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(ChildJvm.archiveOptions(List.of(), "opsdoc.jar", dir, 17)).as("older than the jar").isEmpty();
    }

    @Test
    void aPlanCarriesTheArchiveOptions() throws IOException {
        writeTree();
        Path jar = Files.writeString(dir.resolve("opsdoc.jar"), "jar");
        Files.writeString(dir.resolve(Runtime.version().feature() >= 25 ? "opsdoc.aot" : "opsdoc.jsa"), "archive");
        Optional<ChildJvm.Plan> plan = ChildJvm.plan(new String[] {"check", "plan"},
                new ChildJvm.Launch(List.of(), Map.of(), "/opt/jdk", jar.toString(), false, 1024, 2, false), dir);

        assertThat(plan).isPresent();
        assertThat(plan.get().command()).containsSubsequence("-Dopsdoc.relaunched=true", "-cp", jar.toString());
        assertThat(plan.get().command().stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=")
                || o.startsWith("-XX:AOTCache="))).hasSize(1);
    }

    @Test
    void theQuickReadingKnowsEveryOptionOfTheLintCommands() {
        for (var command : Map.of("check", new CheckCommand(), "fix", new FixCommand()).entrySet()) {
            java.util.Set<String> values = new java.util.HashSet<>();
            java.util.Set<String> flags = new java.util.HashSet<>();
            for (var option : new picocli.CommandLine(command.getValue()).getCommandSpec().options()) {
                (option.arity().max() > 0 ? values : flags).addAll(List.of(option.names()));
            }
            assertThat(ChildJvm.VALUE_OPTIONS.get(command.getKey())).as(command.getKey()).isEqualTo(values);
            assertThat(ChildJvm.FLAG_OPTIONS.get(command.getKey())).as(command.getKey()).isEqualTo(flags);
        }
    }

    @Test
    void theQuickReadingFindsThePathsPicocliFindsOrLeavesTheLineToIt() {
        List<String[]> lines = List.of(
                new String[] {"check"},
                new String[] {"check", "docs", "--format", "sarif", "-o", "out.sarif", "plan"},
                new String[] {"check", "--format=json", "--jobs", "2", "docs", "--timings"},
                new String[] {"check", "-f", "docs", "plan"},
                new String[] {"fix", "--dry-run", "plan", "--fail-on", "warning"},
                new String[] {"fix", "-", "--config", "plan/.opsdoc.yml"},
                new String[] {"check", "--category", "security", "--baseline", "b.json", "--max-file-size", "2", "x"});
        for (String[] line : lines) {
            Optional<List<String>> quick = ChildJvm.quickPaths(line);
            assertThat(quick).as(String.join(" ", line)).isPresent();
            Object command = line[0].equals("check") ? new CheckCommand() : new FixCommand();
            var parsed = new picocli.CommandLine(command).parseArgs(java.util.Arrays.copyOfRange(line, 1, line.length));
            LintOptions options = (LintOptions) parsed.commandSpec().mixins().get("lint").userObject();
            assertThat(quick.get().stream().map(Path::of).toList()).as(String.join(" ", line))
                    .isEqualTo(options.paths);
        }
        for (String[] line : List.of(new String[] {"baseline", "plan", "-o", "b.json"}, new String[] {"check", "--help"},
                new String[] {"check", "-V"}, new String[] {"check", "--no-such-option", "plan"},
                new String[] {"check", "-fjson", "plan"}, new String[] {"check", "--", "-plan"},
                new String[] {"check", "@args.txt"}, new String[] {"check", "--format"}, new String[] {"rules"},
                new String[] {"check", "--timings=true"}, new String[] {})) {
            assertThat(ChildJvm.quickPaths(line)).as(String.join(" ", line)).isEmpty();
        }
    }

    @Test
    void onlyFoldersAreWalkedAheadAndTheCurrentFolderOnlyWhenNoPathIsNamed() throws IOException {
        writeTree();
        assertThat(ChildJvm.walkAhead(new String[] {"check", "plan/cicd-pipeline.md"}, dir)).isEmpty();
        assertThat(ChildJvm.walkAhead(new String[] {"check", "plan", "--format", "sarif"}, dir).keySet())
                .containsExactly(dir.resolve("plan"));
        var walks = ChildJvm.walkAhead(new String[] {"check", "--format", "sarif"}, dir);
        assertThat(walks.keySet()).containsExactly(dir.resolve(".").normalize());
        assertThat(walks.values().iterator().next().join()).isEqualTo(FileDiscovery.markdownSize(dir));
    }

    @Test
    void theHeapGrowsWithTheMarkdownAndItsLargestFileUpToACap() {
        assertThat(ChildJvm.heapFor(FileDiscovery.MarkdownSize.NONE)).isEqualTo(ChildJvm.BASE_HEAP);
        assertThat(ChildJvm.heapFor(size(100L << 20, 1 << 10))).isGreaterThan(ChildJvm.heapFor(size(10L << 20, 1 << 10)));
        // One 5 MB planning document needs room for its model and facts, not just its text.
        assertThat(ChildJvm.heapFor(size(5L << 20, 5L << 20))).isGreaterThanOrEqualTo(300L << 20);
        assertThat(ChildJvm.heapFor(size(5L << 20, 5L << 20))).isGreaterThan(ChildJvm.heapFor(size(5L << 20, 5L << 10)));
        assertThat(ChildJvm.heapFor(size(100L << 30, 1L << 20))).isEqualTo(ChildJvm.MAX_HEAP);
    }

    @Test
    void theSizeOfARunNamesItsLargestFile() throws IOException {
        writeTree();
        Files.writeString(dir.resolve("plan/notes.md"), "# Notes\n\nShort.\n");
        long largest = 0;
        long total = 0;
        try (var files = Files.walk(dir.resolve("plan"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                largest = Math.max(largest, Files.size(file));
                total += Files.size(file);
            }
        }
        assertThat(largest).isEqualTo(Files.size(dir.resolve("plan/cicd-pipeline.md"))).isLessThan(total);
        assertThat(ChildJvm.markdownSize(new String[] {"check", "plan"}, dir))
                .isEqualTo(new FileDiscovery.MarkdownSize(total, largest));
    }

    private static FileDiscovery.MarkdownSize size(long total, long largest) {
        return new FileDiscovery.MarkdownSize(total, largest);
    }

    /** Runs {@code java [jvmOptions] -cp <test class path> io.opsdoc.cli.Main args} in {@code dir}, as a user would. */
    private Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().remove(ChildJvm.OPT_OUT);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().putAll(env);
        return builder.start();
    }

    private CliRun runProcess(List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Process process = start(jvmOptions, env, args);
        assertThat(process.waitFor(500, TimeUnit.SECONDS)).isTrue();
        return new CliRun(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static Optional<String> heapLine(String err) {
        Matcher m = MAX_HEAP.matcher(err);
        return m.find() ? Optional.of(m.group(1) + " " + m.group(2)) : Optional.empty();
    }

    @Test
    void theChildsOutputAndExitCodeAreTheCommands() throws Exception {
        writeTree();
        List<String> relaunchAnything = List.of("-Dopsdoc.relaunch.minBytes=0");

        CliRun child = runProcess(relaunchAnything, Map.of(), "check", "plan", "--fail-on", "note", "--timings",
                "--format", "json");
        CliRun inProcess = runProcess(relaunchAnything, Map.of(ChildJvm.OPT_OUT, "1"), "check", "plan", "--fail-on",
                "note", "--timings", "--format", "json");

        assertThat(child.code()).isEqualTo(inProcess.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(child.out()).isEqualTo(inProcess.out()).contains("\"ruleId\"");
        long planBytes = Files.size(dir.resolve("plan/cicd-pipeline.md"));
        long heapMb = ChildJvm.heapFor(size(planBytes, planBytes)) / (1024 * 1024);
        String childHeap = heapLine(child.err()).orElseThrow();
        assertThat(childHeap).endsWith("sized for this run");
        // The serial collector reports the limit less one survivor space.
        assertThat(Long.parseLong(childHeap.split(" ")[0])).isBetween(heapMb * 8 / 10, heapMb);
        assertThat(heapLine(inProcess.err()).orElseThrow()).endsWith("as the JVM was started");

        CliRun usage = runProcess(relaunchAnything, Map.of(), "check", "plan", "--format", "no-such-format");
        assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("unknown --format 'no-such-format'");
        assertThat(usage.out()).isEmpty();
    }

    @Test
    void anExplicitXmxIsRespected() throws Exception {
        writeTree();

        CliRun run = runProcess(List.of("-Dopsdoc.relaunch.minBytes=0", "-Xmx300m"), Map.of(), "check", "plan",
                "--fail-on", "none", "--timings");

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        String heap = heapLine(run.err()).orElseThrow();
        assertThat(heap).endsWith("as the JVM was started");
        assertThat(Long.parseLong(heap.split(" ")[0])).isBetween(250L, 300L);
    }

    @Test
    void theChildGetsTheUsersJvmOptions() throws Exception {
        writeTree();
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_TOOL_OPTIONS", "-Dopsdoc.relaunch.minBytes=0");

        CliRun run = runProcess(List.of(), env, "check", "plan", "--fail-on", "none", "--timings");

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(heapLine(run.err()).orElseThrow()).endsWith("sized for this run");
    }
}
