package io.opsdoc.cli;

import io.opsdoc.cli.report.Formats;
import io.opsdoc.cli.report.ReportContext;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.FileDiscovery;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.fix.FixSafety;
import io.opsdoc.core.fix.FixSession;
import io.opsdoc.core.fix.LineMask;
import io.opsdoc.core.fix.UnifiedDiff;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdoc fix}: apply every safe fix, then report what remains like {@code check}. */
@Command(name = "fix", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Apply the safe fixes of fixable rules (language tags on code blocks, scaffolds for missing",
            "sections, missing planning documents), then report the remaining findings like 'check'.",
            "Fixes only add lines or a language tag: no line of your text is removed or rewritten. Files keep",
            "their line endings, byte order mark and final newline, are written atomically and never",
            "overwritten when they changed during the run. Missing documents are created, never overwritten.",
            "Nothing is written outside the given folders (a file stands for its folder),",
            "through a link to outside them, or over a read-only file: such a file is",
            "refused (exit 2) and the run then creates no document.",
            "The diff of --dry-run hides what security/hardcoded-secret flags."},
        footer = {"", "Exit codes: 0 nothing at or above --fail-on remains, 1 findings at or above",
            "it remain, 2 usage or configuration error, or a file was refused or could",
            "not be written.",
            "Examples:", "  opsdoc fix docs/planning --dry-run", "  opsdoc fix docs/planning"})
public final class FixCommand implements Callable<Integer> {
    /** Where the rules come from: loaded when the fix runs, or preloaded (see {@link Main#commandLine}). */
    private final Supplier<RuleRegistry> rules;

    public FixCommand() {
        this(RuleRegistry::load);
    }

    FixCommand(Supplier<RuleRegistry> rules) {
        this.rules = rules;
    }

    /** Its findings mark secrets, which the diff of --dry-run hides. */
    static final String HARDCODED_SECRET = "security/hardcoded-secret";

    @Spec
    CommandSpec spec;

    @Mixin
    LintOptions lint = new LintOptions();

    @Option(names = "--dry-run",
            description = "Print the changes as a unified diff on standard output and write nothing.")
    boolean dryRun;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a remaining finding at or above LEVEL exists: error, warning, note or none (default: ${DEFAULT-VALUE}).")
    String failOn;

    /** What was on disk when the file was linted, to detect edits made while fix runs. */
    record DiskState(byte[] bytes, FileTime modified) {
    }

    @Override
    public Integer call() {
        try {
            return run();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserException("cannot fix: " + Problems.describe(e) + "; nothing more was written");
        } catch (OutOfMemoryError e) {
            throw new UserException("not enough memory to fix these files (raise the Java heap with -Xmx or fix fewer files);"
                    + " nothing more was written");
        } catch (StackOverflowError e) {
            throw new UserException("a document is nested too deeply to fix; nothing more was written");
        }
    }

    private int run() throws IOException {
        Optional<Level> threshold = CheckCommand.failThreshold(failOn);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path cwd = Path.of("").toAbsolutePath();
        RuleRegistry registry = rules.get();
        Linter linter = lint.linter(registry);
        LintResult first = linter.lint(lint.pathsOrDefault());
        Map<String, DiskState> disk = new HashMap<>();
        List<SourceFile> sources = new ArrayList<>(first.sources().values());
        sources.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        for (SourceFile source : sources) {
            disk.put(source.displayPath(), diskState(source.path()));
        }
        FileDiscovery discovery = new FileDiscovery(cwd);
        Map<String, Boolean> fixable = new HashMap<>();
        for (Rule rule : linter.registry().all()) {
            fixable.put(rule.id(), rule.meta().fixable());
        }
        FixSession session = new FixSession(s -> linter.lintSources(s).findings(),
                (Finding f) -> fixable.getOrDefault(f.ruleId(), false), discovery::display, Files::exists,
                FixSession.DEFAULT_MAX_ROUNDS);
        FixSession.Outcome outcome = session.run(sources, Optional.of(first.findings()));

        boolean refused = false;
        for (FixSession.FileResult file : outcome.files()) {
            if (file.refused().isPresent()) {
                err.println(Problems.oneLine("opsdoc: not fixing " + file.displayPath() + ": " + file.refused().get()));
                refused = true;
            }
        }
        outcome.skipped().forEach(m -> err.println(Problems.oneLine("opsdoc: " + m)));
        if (!outcome.converged()) {
            err.println("opsdoc: fixes still changed files after " + outcome.rounds()
                    + " rounds; the remaining ones are left for the next run");
        }
        // Every refusal is known before anything is written, so a refused file stops the run's creations.
        FixTargets targets = FixTargets.of(lint.pathsOrDefault(), cwd);
        List<FixTargets.Planned> plan = new ArrayList<>();
        for (FixTargets.Planned planned : targets.decide(outcome)) {
            String name = planned.file().displayPath();
            if (planned.decision() instanceof FixTargets.Refuse refusal) {
                err.println(Problems.oneLine("opsdoc: not fixing " + name + ": " + refusal.reason()));
                refused = true;
            } else if (planned.decision() instanceof FixTargets.Skip skip) {
                err.println(Problems.oneLine("opsdoc: " + skip.note()));
            } else {
                plan.add(planned);
            }
        }
        if (refused) {
            for (FixTargets.Planned planned : plan) {
                if (planned.file().created()) {
                    err.println(Problems.oneLine("opsdoc: not created " + planned.file().displayPath()
                            + ": a file of this run was refused (see above); settle that, then run opsdoc fix again"));
                }
            }
            plan.removeIf(p -> p.file().created());
        }
        int problems = refused ? ExitCodes.USAGE : ExitCodes.OK;
        if (dryRun) {
            LintResult remaining = linter.lintSources(outcome.sources());
            Map<String, LineMask> oldMasks = masks(first.findings());
            Map<String, LineMask> newMasks = masks(remaining.findings());
            for (FixTargets.Planned planned : plan) {
                FixSession.FileResult file = planned.file();
                String before = file.created() ? "" : raw(file.original().get());
                String diff = UnifiedDiff.diff(file.created() ? UnifiedDiff.DEV_NULL : file.displayPath(), file.displayPath(),
                        before, file.text(), oldMasks.getOrDefault(file.displayPath(), LineMask.NONE),
                        newMasks.getOrDefault(file.displayPath(), LineMask.NONE));
                out.print(Problems.controlsEscaped(diff));
                err.println(Problems.oneLine(file.created() ? "would create " + summary(file).substring("created ".length())
                        : "would fix " + summary(file)));
            }
            out.flush();
            err.println(remaining.active().size() + " findings would remain ("
                    + remaining.count(Level.ERROR) + " errors, " + remaining.count(Level.WARNING) + " warnings, "
                    + remaining.count(Level.NOTE) + " notes)");
            err.flush();
            return Math.max(CheckCommand.exitCode(remaining, threshold), problems);
        }
        // Edits first, creations last: a file that cannot be written stops the creations too.
        List<FixTargets.Planned> ordered = new ArrayList<>(plan);
        ordered.sort((a, b) -> Boolean.compare(a.file().created(), b.file().created()));
        boolean failed = false;
        for (FixTargets.Planned planned : ordered) {
            FixSession.FileResult file = planned.file();
            if (failed && file.created()) {
                err.println(Problems.oneLine("opsdoc: not created " + file.displayPath()
                        + ": a file of this run could not be written (see above)"));
                continue;
            }
            Path target = ((FixTargets.Write) planned.decision()).target();
            Optional<String> problem = write(file, target, targets, disk.get(file.displayPath()));
            if (problem.isPresent()) {
                err.println(Problems.oneLine("opsdoc: not written " + file.displayPath() + ": " + problem.get()));
                failed = true;
            } else {
                out.println(Problems.oneLine(summary(file)));
            }
        }
        if (failed) {
            problems = ExitCodes.USAGE;
        }
        List<Path> relint = new ArrayList<>(lint.pathsOrDefault());
        LintResult remaining = linter.lint(relint);
        ReportContext context = new ReportContext(cwd, VersionProvider.version(), Optional.empty(), false);
        Formats.reporter("text").orElseThrow().write(remaining, context, out);
        out.flush();
        err.flush();
        return Math.max(CheckCommand.exitCode(remaining, threshold), problems);
    }

    /**
     * Per file, what the diff must not show: the ranges of findings that are secrets. The lint run
     * found them; they are not detected again here.
     */
    static Map<String, LineMask> masks(List<Finding> findings) {
        Map<String, List<Range>> ranges = new HashMap<>();
        for (Finding finding : findings) {
            if (finding.sensitive() || finding.ruleId().equals(HARDCODED_SECRET)) {
                ranges.computeIfAbsent(finding.file(), k -> new ArrayList<>()).add(finding.range());
            }
        }
        Map<String, LineMask> masks = new HashMap<>();
        ranges.forEach((file, list) -> masks.put(file, LineMask.of(list)));
        return masks;
    }

    /** "docs/x.md: 3 fixes (markdown/code-block-language x2, structure/required-section x1)" or "created docs/y.md". */
    static String summary(FixSession.FileResult file) {
        if (file.created()) {
            return "created " + file.displayPath() + file.creator().map(r -> " (" + r + ")").orElse("");
        }
        int count = file.fixCount();
        String rules = file.fixes().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
        return file.displayPath() + ": " + count + (count == 1 ? " fix" : " fixes") + " (" + rules + ")";
    }

    static DiskState diskState(Path path) {
        try {
            return new DiskState(Files.readAllBytes(path), Files.getLastModifiedTime(path));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Writes one changed or created file to {@code target} (the file itself, or the real file behind
     * a link inside the tree); returns why it was not written. The place is checked again right
     * before the write, and again after creating missing folders.
     */
    static Optional<String> write(FixSession.FileResult file, Path target, FixTargets targets, DiskState before) {
        byte[] bytes = file.text().getBytes(StandardCharsets.UTF_8);
        try {
            Optional<String> refused = targets.recheck(file, target);
            if (refused.isPresent()) {
                return refused;
            }
            if (file.created()) {
                Path parent = target.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                refused = targets.recheck(file, target);
                if (refused.isPresent()) {
                    return refused;
                }
                return createNew(target, bytes);
            }
            String original = raw(file.original().get());
            // Last line of defence: the session checked this already, the writer checks it again.
            Optional<String> unsafe = FixSafety.problem(original, file.text());
            if (unsafe.isPresent()) {
                return Optional.of("the fixes would lose text (" + unsafe.get() + ")");
            }
            DiskState now = diskState(target);
            if (before == null || now == null || !Arrays.equals(now.bytes(), before.bytes())
                    || !now.modified().equals(before.modified())
                    || !new String(now.bytes(), StandardCharsets.UTF_8).equals(original)) {
                return Optional.of("it changed on disk while opsdoc fix ran; run opsdoc fix again");
            }
            replaceAtomically(target, bytes);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Problems.describe(e));
        }
    }

    /** Temp file in the same folder, then an atomic rename over the original; permissions are kept. */
    private static void replaceAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = temp(target, bytes);
        try {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException | IOException e) {
                // Not a POSIX file system: the default permissions of a new file are fine.
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates {@code target} with its full content at once and never replaces an existing file. */
    private static Optional<String> createNew(Path target, byte[] bytes) throws IOException {
        if (Files.exists(target)) {
            return Optional.of("it already exists; opsdoc never overwrites a file it creates");
        }
        Path temp = temp(target, bytes);
        try {
            try {
                // Temp files are private; a new document gets the usual permissions of a new file.
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException | IOException e) {
                // Not a POSIX file system.
            }
            // A hard link fails when the name exists, so even a file appearing just now is not replaced.
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return Optional.of("it already exists; opsdoc never overwrites a file it creates");
        } catch (UnsupportedOperationException | IOException e) {
            try {
                Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException again) {
                return Optional.of("it already exists; opsdoc never overwrites a file it creates");
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return Optional.empty();
    }

    private static Path temp(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".opsdoc-tmp");
        try {
            Files.write(temp, bytes);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static String raw(SourceFile source) {
        return source.hasBom() ? '\uFEFF' + source.text() : source.text();
    }
}
