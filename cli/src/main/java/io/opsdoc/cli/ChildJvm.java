package io.opsdoc.cli;

import io.opsdoc.core.engine.FileDiscovery;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * Runs a large lint in a child JVM whose heap is sized from the run.
 *
 * <p>Why: a JVM started without a heap setting takes a quarter of the machine's memory as its
 * limit and 1/64 of it as its initial heap, and G1 grows towards that rather than collect, so a
 * plain {@code java -jar opsdoc.jar check .} over a few thousand files peaked at 600+ MB while
 * its live data stays under 100 MB. The heap cannot be changed once the JVM runs and a jar
 * manifest cannot carry JVM options, so for a run over many megabytes of Markdown {@link Main}
 * starts the same code again with a heap limit computed from the size of the Markdown to check
 * and the serial collector (the lowest footprint; with two cores it also leaves the second core
 * to the workers instead of to GC threads) and, unless the run is huge, the C1 compiler only (see
 * {@link #C1_ONLY_MAX_BYTES}), then passes its exit code on. Standard input, output
 * and error are inherited, so output and exit code are the child's.
 *
 * <p>Nothing is relaunched when the user chose: any heap option ({@code -Xmx}, {@code -Xms},
 * {@code -XX:MaxHeapSize}, {@code -XX:MaxRAMPercentage}, ...) on the command line or in
 * {@code JAVA_TOOL_OPTIONS}/{@code JDK_JAVA_OPTIONS} wins, and {@code OPSDOC_NO_RELAUNCH=1} turns
 * the relaunch off. A JVM with an agent (debugger, profiler) is never relaunched. The child is
 * marked (a system property and the opt-out variable), so it never relaunches itself.
 */
final class ChildJvm {
    /** Set to {@code 1} to run in the JVM that was started, whatever its heap. */
    static final String OPT_OUT = "OPSDOC_NO_RELAUNCH";
    /** System property set on the child. */
    static final String MARKER = "opsdoc.relaunched";
    /** Below this much Markdown the default heap is never large enough to matter. */
    static final long MIN_BYTES = 4L * 1024 * 1024;
    /** Rules, configuration and the models being checked; findings and reported texts come on top. */
    static final long BASE_HEAP = 112L * 1024 * 1024;
    /** Heap per byte of Markdown: findings and the text of the files with findings, kept to the end. */
    static final int HEAP_PER_BYTE = 2;
    /**
     * Heap per byte of the largest file: while it is checked its Markdown model, embedded trees and,
     * for a planning document, its facts are alive at once. A 5 MB planning document needed about
     * 230 MB of heap to run without thrashing the collector (measured: 180 MB took 14 s of CPU,
     * 300 MB 9.7 s); 40 bytes per byte gives it 300 MB with the base.
     */
    static final int HEAP_PER_LARGEST_BYTE = 40;
    static final long MAX_HEAP = 2048L * 1024 * 1024;
    /**
     * Up to this much Markdown the child compiles with C1 only. Measured on the 3,750-file corpus
     * (23 MB) and four copies of it, two cores: tiered compilation spent about 11 s of CPU in C2
     * whatever the size, which C2's faster code won back at about 0.9 s of CPU per corpus, so C1
     * alone took 17 s of CPU instead of 28 s (1x) and 58 s instead of 65 s (4x); the lines cross
     * near twelve copies. C1 alone also leaves the second core to the second worker.
     */
    static final long C1_ONLY_MAX_BYTES = 256L * 1024 * 1024;

    private static final Set<String> LINT_COMMANDS = Set.of("check", "fix", "baseline");
    private static final List<String> HEAP_OPTIONS = List.of("-Xmx", "-Xms", "-XX:MaxHeapSize", "-XX:InitialHeapSize",
            "-XX:MaxRAM", "-XX:MaxRAMPercentage", "-XX:MaxRAMFraction", "-XX:InitialRAMPercentage",
            "-XX:MinRAMPercentage", "-XX:MinHeapSize");
    private static final List<String> ENV_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private ChildJvm() {
    }

    /**
     * How this JVM was started: its options, environment, Java home and class path.
     *
     * @param minBytes the Markdown size from which to relaunch ({@link #MIN_BYTES}; the system
     *     property {@code opsdoc.relaunch.minBytes} lowers it for tests of small trees)
     * @param hugePagesOnRequest the system gives transparent huge pages to memory that asks for
     *     them, and only to such memory (see {@link #systemGivesHugePagesOnRequest()})
     */
    record Launch(List<String> jvmArguments, Map<String, String> env, String javaHome, String classPath,
            boolean relaunched, long minBytes, int processors, boolean hugePagesOnRequest) {
        static Launch current() {
            return new Launch(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getenv(), System.getProperty("java.home"), System.getProperty("java.class.path"),
                    isChild(), Long.getLong("opsdoc.relaunch.minBytes", MIN_BYTES),
                    Runtime.getRuntime().availableProcessors(), systemGivesHugePagesOnRequest());
        }
    }

    /** Linux's setting for transparent huge pages: {@code [always]}, {@code [madvise]} or {@code [never]} is the one in force. */
    static final Path TRANSPARENT_HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /**
     * True when Linux gives transparent huge pages only to memory that asks for them (mode
     * {@code madvise}, the default of many distributions), which the JVM's heap does with
     * {@code -XX:+UseTransparentHugePages}. In mode {@code always} the heap gets them without
     * asking; in {@code never}, or on another system, the option would change nothing.
     */
    static boolean systemGivesHugePagesOnRequest() {
        try {
            return Files.isReadable(TRANSPARENT_HUGE_PAGES)
                    && Files.readString(TRANSPARENT_HUGE_PAGES).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True in a JVM this class started. */
    static boolean isChild() {
        return System.getProperty(MARKER) != null;
    }

    /** The child to start: its command line and the heap limit chosen. */
    record Plan(List<String> command, long heapBytes) {
    }

    /**
     * True when {@code args} may need a child JVM; false for what certainly does not (other
     * commands, a child, the opt-out, a few small files named), without loading the management
     * classes or the command model, so that a one-file run starts as fast as before.
     */
    static boolean mayRelaunch(String[] args, Map<String, String> env, Path workingDirectory) {
        if (isChild() || "1".equals(env.get(OPT_OUT)) || args.length == 0 || !LINT_COMMANDS.contains(args[0])) {
            return false;
        }
        long namedBytes = 0;
        boolean namedFile = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-")) {
                continue;
            }
            try {
                Path path = workingDirectory.resolve(args[i]);
                if (Files.isDirectory(path)) {
                    return true;
                }
                if (Files.isRegularFile(path) && FileDiscovery.isMarkdown(path)) {
                    namedFile = true;
                    namedBytes += Files.size(path);
                }
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }
        // Without a Markdown file named the run may check the current folder.
        return !namedFile || namedBytes >= MIN_BYTES;
    }

    /** The child JVM for {@code args}, or empty to run in this JVM. */
    static Optional<Plan> plan(String[] args, Launch launch, Path workingDirectory) {
        if (launch.relaunched() || "1".equals(launch.env().get(OPT_OUT)) || args.length == 0
                || !LINT_COMMANDS.contains(args[0]) || launch.classPath() == null || launch.classPath().isEmpty()) {
            return Optional.empty();
        }
        List<String> fromEnv = envOptions(launch.env());
        for (String option : concat(launch.jvmArguments(), fromEnv)) {
            if (isHeapOption(option) || option.startsWith("-agent") || option.startsWith("-javaagent")
                    || option.startsWith("-Xrun") || option.startsWith("-Xdebug")) {
                return Optional.empty();
            }
        }
        FileDiscovery.MarkdownSize size = markdownSize(args, workingDirectory);
        long bytes = size.totalBytes();
        if (bytes < launch.minBytes()) {
            return Optional.empty();
        }
        long heap = heapFor(size);
        List<String> command = new ArrayList<>();
        command.add(Path.of(launch.javaHome(), "bin", isWindows() ? "java.exe" : "java").toString());
        // The user's JVM options apply to the child too, except those the child reads again from the environment.
        command.addAll(without(launch.jvmArguments(), fromEnv));
        command.add("-Xmx" + heap / (1024 * 1024) + "m");
        if (launch.jvmArguments().stream().noneMatch(ChildJvm::isCollectorOption)) {
            command.add("-XX:+UseSerialGC");
        }
        if (bytes <= C1_ONLY_MAX_BYTES && launch.jvmArguments().stream().noneMatch(ChildJvm::isCompilerOption)) {
            command.add("-XX:TieredStopAtLevel=1");
            // With C1 only, both compiler threads the JVM starts on two cores are C1 threads that take
            // CPU from the workers; one keeps up (corpus: about 0.1 s faster, same CPU in all).
            if (launch.processors() <= 2) {
                command.add("-XX:CICompilerCount=1");
            }
        }
        // Huge pages for the heap: every first touch of a 4 KB page of heap is a page fault, and
        // on the corpus (two cores, a virtual machine) the run took 6% less time with 2 MB pages,
        // its collections a quarter less; a one-file run, which never collects, 0.08 s less.
        if (launch.hugePagesOnRequest()
                && concat(launch.jvmArguments(), fromEnv).stream().noneMatch(ChildJvm::isPageOption)) {
            command.add("-XX:+UseTransparentHugePages");
        }
        command.addAll(archiveOptions(concat(launch.jvmArguments(), fromEnv), launch.classPath(), workingDirectory,
                Runtime.version().feature()));
        command.add("-D" + MARKER + "=true");
        command.add("-cp");
        command.add(launch.classPath());
        command.add(Main.class.getName());
        command.addAll(Arrays.asList(args));
        return Optional.of(new Plan(List.copyOf(command), heap));
    }

    /**
     * The JVM options that let the child start from the start-up archive next to the jar, when
     * the parent was given none: the build and {@code ./opsdoc} write one ({@code opsdoc.jsa},
     * an AppCDS archive, for Java 17 to 24; {@code opsdoc.aot}, an AOT cache, for Java 25 and
     * later). Loading the classes from it instead of parsing and verifying them from the jar
     * saves about 0.4 s of a 5 s run over the corpus. An archive older than the jar is stale and
     * not used; one the JVM rejects (another Java build) is ignored silently with these options.
     * Options the user gave, or {@code ./opsdoc} passed, reach the child unchanged instead.
     */
    static List<String> archiveOptions(List<String> jvmArguments, String classPath, Path workingDirectory,
            int javaFeature) {
        if (javaFeature < 17 || classPath == null || classPath.contains(File.pathSeparator)
                || !classPath.endsWith(".jar") || jvmArguments.stream().anyMatch(ChildJvm::isArchiveOption)) {
            return List.of();
        }
        boolean aot = javaFeature >= 25;
        try {
            Path jar = workingDirectory.resolve(classPath).toAbsolutePath().normalize();
            String name = jar.getFileName().toString();
            String base = name.substring(0, name.length() - ".jar".length());
            Path archive = jar.resolveSibling(base + (aot ? ".aot" : ".jsa"));
            if (!Files.isRegularFile(archive)
                    || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                return List.of();
            }
            return aot
                    ? List.of("-XX:AOTCache=" + archive, "-Xlog:aot=off", "-Xlog:cds=off")
                    : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                            "-Xlog:cds+dynamic=off");
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isArchiveOption(String option) {
        return option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-XX:AOT")
                || option.matches("-XX:[+-]AutoCreateSharedArchive");
    }

    /** Heap limit for a run over {@code size} of Markdown. */
    static long heapFor(FileDiscovery.MarkdownSize size) {
        return Math.min(MAX_HEAP, BASE_HEAP + HEAP_PER_BYTE * size.totalBytes()
                + HEAP_PER_LARGEST_BYTE * size.largestBytes());
    }

    /**
     * Starts the child with this JVM's standard streams and waits for it; empty when it cannot be
     * started (the caller then runs in this JVM). A child still running when this JVM is stopped
     * (SIGTERM, or Ctrl-C, which the child receives as well) is stopped with it.
     */
    static Optional<Integer> run(Plan plan) {
        ProcessBuilder builder = new ProcessBuilder(plan.command()).inheritIO();
        builder.environment().put(OPT_OUT, "1");
        Process child;
        try {
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Thread stopChild = new Thread(child::destroy, "opsdoc-stop-child");
        Runtime.getRuntime().addShutdownHook(stopChild);
        // This JVM only waits from now on: a full collection lets G1 give back the heap that parsing
        // the arguments and walking the tree touched (some 20 MB of the pair's peak memory).
        System.gc();
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                // Only a shutdown interrupts this thread; the hook stops the child.
            }
        }
    }

    /**
     * Bytes of Markdown the command would check: the paths it names (folders walked as the linter
     * walks them, without configuration ignores), or the current folder when it names none.
     * Zero when the arguments do not parse; the run then reports that itself.
     */
    static FileDiscovery.MarkdownSize markdownSize(String[] args, Path workingDirectory) {
        Map<Path, CompletableFuture<FileDiscovery.MarkdownSize>> walks = walkAhead(args, workingDirectory);
        List<Path> paths;
        try {
            Optional<List<String>> named = quickPaths(args);
            if (named.isPresent()) {
                paths = named.get().isEmpty() ? List.of(Path.of(".")) : named.get().stream().map(Path::of).toList();
            } else {
                Optional<List<Path>> parsed = parsedPaths(args);
                if (parsed.isEmpty()) {
                    return FileDiscovery.MarkdownSize.NONE;
                }
                paths = parsed.get();
            }
        } catch (RuntimeException e) {
            // Unparsable arguments: the run in this JVM reports them.
            return FileDiscovery.MarkdownSize.NONE;
        }
        FileDiscovery.MarkdownSize size = FileDiscovery.MarkdownSize.NONE;
        for (Path given : paths) {
            Path path = workingDirectory.resolve(given).normalize();
            if (Files.isDirectory(path)) {
                CompletableFuture<FileDiscovery.MarkdownSize> walked = walks.get(path);
                size = size.plus(walked != null ? joined(walked) : FileDiscovery.markdownSize(path));
            } else if (Files.isRegularFile(path)) {
                try {
                    long file = Files.size(path);
                    size = size.plus(new FileDiscovery.MarkdownSize(file, file));
                } catch (IOException e) {
                    // The run reports the file; it adds nothing to the heap.
                }
            }
        }
        return size;
    }

    /**
     * Options of {@code check} and {@code fix} that take a value, and those that do not, as their
     * picocli models declare them ({@code ChildJvmTest} keeps the two equal).
     */
    static final Map<String, Set<String>> VALUE_OPTIONS = Map.of(
            "check", Set.of("-j", "--jobs", "--config", "--max-file-size", "-f", "--format", "-o", "--output",
                    "--fail-on", "--category", "--baseline"),
            "fix", Set.of("-j", "--jobs", "--config", "--max-file-size", "--fail-on"));
    static final Map<String, Set<String>> FLAG_OPTIONS = Map.of(
            "check", Set.of("-h", "--help", "-V", "--version", "--timings"),
            "fix", Set.of("-h", "--help", "-V", "--version", "--dry-run"));

    /**
     * The paths a plain {@code check} or {@code fix} command line names (empty: none, so the
     * current folder), read without picocli, which took a fifth of a second of this JVM before
     * the child could start; empty when the command line needs picocli to be read: another
     * command, help or version, an unknown option, an attached short value ({@code -fjson}),
     * {@code --}, or an {@code @file}. Values are not checked here: a bad one is reported by the
     * run, in whichever JVM.
     */
    static Optional<List<String>> quickPaths(String[] args) {
        Set<String> values = args.length == 0 ? null : VALUE_OPTIONS.get(args[0]);
        Set<String> flags = args.length == 0 ? null : FLAG_OPTIONS.get(args[0]);
        if (values == null || flags == null) {
            return Optional.empty();
        }
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.equals("--")) {
                return Optional.empty();
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                paths.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (values.contains(name)) {
                if (equals < 0) {
                    if (i + 1 >= args.length) {
                        return Optional.empty();
                    }
                    i++;
                }
            } else if (!flags.contains(arg) || arg.equals("-h") || arg.equals("--help") || arg.equals("-V")
                    || arg.equals("--version")) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(paths));
    }

    /** The paths the command line names as picocli reads it; empty for help, version or another command. */
    private static Optional<List<Path>> parsedPaths(String[] args) {
        // Only the named command's model: building every command's, as 'opsdoc' itself does,
        // took a tenth of a second of this JVM, which only sizes the child.
        Object command = switch (args.length == 0 ? "" : args[0]) {
            case "check" -> new CheckCommand();
            case "fix" -> new FixCommand();
            case "baseline" -> new BaselineCommand();
            default -> null;
        };
        if (command == null) {
            return Optional.empty();
        }
        CommandLine.ParseResult parsed = new CommandLine(command).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return Optional.empty();
        }
        CommandLine.Model.CommandSpec lint = parsed.commandSpec().mixins().get("lint");
        if (lint == null || !(lint.userObject() instanceof LintOptions options)) {
            return Optional.empty();
        }
        return Optional.of(options.pathsOrDefault());
    }

    /**
     * Starts walking, on another thread, the folders the arguments may name (any argument that is
     * a folder; the current folder when no argument names an existing path), while this thread
     * reads the command line: each takes a tenth of a second or more before the child can start.
     * An option's value that happens to name a folder is walked for nothing; the command line
     * decides what counts.
     */
    static Map<Path, CompletableFuture<FileDiscovery.MarkdownSize>> walkAhead(String[] args,
            Path workingDirectory) {
        Map<Path, CompletableFuture<FileDiscovery.MarkdownSize>> walks = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>();
        boolean namesPath = false;
        for (int i = 1; i < args.length; i++) {
            try {
                Path path = workingDirectory.resolve(args[i]).normalize();
                if (!args[i].startsWith("-") && Files.exists(path)) {
                    namesPath = true;
                    if (Files.isDirectory(path)) {
                        folders.add(path);
                    }
                }
            } catch (RuntimeException e) {
                // Not a path: the command line decides what it is.
            }
        }
        // Files alone (a few large documents) need no walk; only a line naming no path checks '.'.
        if (!namesPath) {
            folders.add(workingDirectory.resolve(".").normalize());
        }
        for (Path folder : folders) {
            walks.computeIfAbsent(folder,
                    f -> CompletableFuture.supplyAsync(() -> FileDiscovery.markdownSize(f), WALKER));
        }
        return walks;
    }

    /** The walk's result; its failure as the walk in this thread would have thrown it. */
    private static FileDiscovery.MarkdownSize joined(CompletableFuture<FileDiscovery.MarkdownSize> walk) {
        try {
            return walk.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw io.opsdoc.core.Failures.unchecked(e.getCause());
        }
    }

    /** A daemon thread per walk: a walk left unused never keeps the JVM alive. */
    private static final java.util.concurrent.Executor WALKER = task -> Daemon.start("opsdoc-size-walk", task);

    static boolean isHeapOption(String option) {
        for (String heap : HEAP_OPTIONS) {
            if (option.startsWith(heap) && (heap.startsWith("-Xm") || option.startsWith(heap + "="))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCompilerOption(String option) {
        return option.startsWith("-XX:TieredStopAtLevel") || option.matches("-XX:[+-]TieredCompilation")
                || option.startsWith("-XX:CICompilerCount") || option.matches("-XX:[+-]CICompilerCountPerCPU")
                || option.startsWith("-Xint") || option.startsWith("-Xcomp");
    }

    private static boolean isPageOption(String option) {
        return option.matches("-XX:[+-]Use\\w*(LargePages|HugePages)\\w*") || option.startsWith("-XX:LargePageSizeInBytes");
    }

    private static boolean isCollectorOption(String option) {
        return option.matches("-XX:[+-]Use\\w*GC");
    }

    private static List<String> envOptions(Map<String, String> env) {
        List<String> options = new ArrayList<>();
        for (String name : ENV_OPTIONS) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                options.addAll(Arrays.asList(value.strip().split("\\s+")));
            }
        }
        return options;
    }

    /** {@code all} without one occurrence of each of {@code removed}. */
    private static List<String> without(List<String> all, List<String> removed) {
        List<String> result = new ArrayList<>(all);
        for (String option : removed) {
            result.remove(option);
        }
        return result;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> result = new ArrayList<>(a);
        result.addAll(b);
        return result;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                || File.separatorChar == '\\';
    }
}
