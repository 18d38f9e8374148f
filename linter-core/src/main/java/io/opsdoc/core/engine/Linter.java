package io.opsdoc.core.engine;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.config.RuleSetting;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.rule.LinkTargets;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.FileScope;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.PlanningSet;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.RuleOptions;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.secret.SecretMask;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.IdentityHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the rules: discovers and reads files, parses each once, runs document rules in
 * parallel, groups typed documents into planning sets for set rules, applies suppressions and
 * returns findings in a deterministic order.
 */
public final class Linter {
    /** Worker threads get a large stack so absurdly nested input ends in a clean message. */
    private static final long WORKER_STACK_BYTES = 256L * 1024 * 1024;

    private final RuleRegistry registry;
    private final ConfigProvider configs;
    private final Suppressor suppressor;
    private final int jobs;
    private final Path workingDirectory;
    private final long maxFileBytes;
    /**
     * Whether {@link LintResult#sources()} holds every file read (fix, editors, the Checkstyle
     * module) or only the files with a finding (a report: snippets and fingerprints need no more).
     */
    private final boolean allSources;
    private final MarkdownParser markdownParser = new MarkdownParser();

    public Linter(RuleRegistry registry, ConfigProvider configs, Suppressor suppressor, int jobs,
            Path workingDirectory, long maxFileBytes) {
        this(registry, configs, suppressor, jobs, workingDirectory, maxFileBytes, true);
    }

    private Linter(RuleRegistry registry, ConfigProvider configs, Suppressor suppressor, int jobs,
            Path workingDirectory, long maxFileBytes, boolean allSources) {
        this.registry = registry;
        this.configs = configs;
        this.suppressor = suppressor;
        this.jobs = Math.max(1, jobs);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
        this.allSources = allSources;
    }

    /**
     * This linter, keeping in its result the text of the files that have a finding only: a run
     * over a large tree then holds findings, not the whole tree, once each file is checked
     * ({@link LintResult#files()} still names every file checked).
     */
    public Linter keepingReportedSourcesOnly() {
        return new Linter(registry, configs, suppressor, jobs, workingDirectory, maxFileBytes, false);
    }

    /** A linter with default configuration, one worker per processor. */
    public static Linter withDefaults(RuleRegistry registry, Path workingDirectory) {
        return new Linter(registry, ConfigProvider.of(Config.defaults()), Suppressor.NONE,
                Runtime.getRuntime().availableProcessors(), workingDirectory, SourceLoader.DEFAULT_MAX_BYTES);
    }

    public RuleRegistry registry() {
        return registry;
    }

    /**
     * What a run keeps of one file once its document rules ran.
     *
     * @param file the file read, null when it could not be read
     * @param source its text: null once nothing needs it (an untyped file without findings when
     *     only reported sources are kept), so a large tree is not held in memory to the end
     * @param document the parsed model, kept only for typed documents (the set rules read them)
     * @param contextOnly a sibling of a file named on the command line, read only so that the
     *     set rules see the whole planning folder: not checked, nothing reported in it
     */
    private record FileOutcome(CheckedFile file, SourceFile source, MarkdownDocument document,
            Optional<DocumentType> type, Config config, List<Finding> findings, List<Notice> notices,
            boolean contextOnly) {
        FileOutcome(SourceFile source, MarkdownDocument document, Optional<DocumentType> type, Config config,
                List<Finding> findings, List<Notice> notices) {
            this(source == null ? null : CheckedFile.of(source), source, document, type, config, findings, notices,
                    false);
        }
    }

    /** A file that was read, without its text. */
    private record CheckedFile(String display, Path path, int chars) {
        static CheckedFile of(SourceFile source) {
            return new CheckedFile(source.displayPath(), source.path(), source.text().length());
        }
    }

    public LintResult lint(List<Path> paths) {
        return lint(paths, Progress.NONE);
    }

    /** Lints {@code paths}, reporting each checked file to {@code progress}. */
    public LintResult lint(List<Path> paths, Progress progress) {
        long start = System.nanoTime();
        FileDiscovery discovery = new FileDiscovery(workingDirectory);
        Config rootConfig = configs.configFor(workingDirectory.resolve("opsdoc-root"));
        SourceLoader loader = new SourceLoader(maxFileBytes);
        LongAdder reading = new LongAdder();
        Map<Path, Job> jobsByFile = new HashMap<>();
        java.util.function.Function<Path, Job> jobFor = file -> jobsByFile.computeIfAbsent(file, f -> {
            String display = discovery.display(f);
            return new Job(display, () -> {
                long t = System.nanoTime();
                SourceLoader.Loaded loaded = loader.load(f, display);
                reading.add(System.nanoTime() - t);
                return loaded;
            }, false, f);
        });
        Schedule schedule = new Schedule(scopes(paths));
        FileDiscovery.Result found;
        try {
            found = discovery.discover(paths, p -> {
                String display = discovery.display(p);
                return configs.configFor(p).ignored(display) || rootConfig.ignored(display);
            }, file -> schedule.offer(jobFor.apply(file)));
        } catch (RuntimeException | Error e) {
            schedule.stop();
            throw e;
        }
        long discovered = System.nanoTime();
        List<Notice> notices = new ArrayList<>(found.notices());
        List<Job> jobsToRun = new ArrayList<>();
        for (Path file : found.files()) {
            jobsToRun.add(jobFor.apply(file));
        }
        for (Path sibling : siblingsOfNamedFiles(paths, found.files(), discovery, rootConfig)) {
            String display = discovery.display(sibling);
            jobsToRun.add(new Job(display, () -> loader.load(sibling, display), true));
        }
        return run(schedule, jobsToRun, notices, start, discovered - start, reading, discovery, progress);
    }

    /** Where rules may read other files: the repository (or folder) of each checked path. */
    private List<FileScope> scopes(List<Path> paths) {
        List<FileScope> scopes = new ArrayList<>();
        for (Path given : paths) {
            scopes.add(FileScope.of(workingDirectory.resolve(given).normalize(), maxFileBytes));
        }
        return List.copyOf(scopes);
    }

    /** Lints sources already in memory (tests, editors); they still form planning sets by folder. */
    public LintResult lintSources(List<SourceFile> sources) {
        long start = System.nanoTime();
        List<Job> jobsToRun = new ArrayList<>();
        for (SourceFile source : sources) {
            jobsToRun.add(new Job(source.displayPath(), () -> new SourceLoader.Loaded(source, null), false));
        }
        return run(new Schedule(List.of()), jobsToRun, new ArrayList<>(), start, 0, new LongAdder(),
                new FileDiscovery(workingDirectory), Progress.NONE);
    }

    /** @param file the file on disk, or null (text in memory): a checked file's other documents may {@link RunState#reachFirst reach} it first */
    private record Job(String display, java.util.concurrent.Callable<SourceLoader.Loaded> loader, boolean contextOnly,
            Path file) {
        Job(String display, java.util.concurrent.Callable<SourceLoader.Loaded> loader, boolean contextOnly) {
            this(display, loader, contextOnly, null);
        }
    }

    /**
     * The Markdown files next to each file named on the command line (not in a named folder):
     * {@code opsdoc check plan/cicd-pipeline.md} must not report the plan's other documents as
     * missing. They are read for the set rules only (see {@link FileOutcome#contextOnly}).
     */
    private List<Path> siblingsOfNamedFiles(List<Path> paths, List<Path> checked, FileDiscovery discovery,
            Config rootConfig) {
        java.util.Set<Path> checkedSet = new java.util.HashSet<>(checked);
        java.util.Set<Path> result = new java.util.TreeSet<>();
        for (Path given : paths) {
            Path file = workingDirectory.resolve(given).normalize();
            Path folder = file.getParent();
            if (!java.nio.file.Files.isRegularFile(file) || folder == null) {
                continue;
            }
            try (java.util.stream.Stream<Path> listing = java.nio.file.Files.list(folder)) {
                listing.map(Path::normalize)
                        .filter(p -> FileDiscovery.isMarkdown(p) && java.nio.file.Files.isRegularFile(p)
                                && !checkedSet.contains(p))
                        .filter(p -> {
                            String display = discovery.display(p);
                            return !configs.configFor(p).ignored(display) && !rootConfig.ignored(display);
                        })
                        .forEach(result::add);
            } catch (java.io.IOException | RuntimeException e) {
                // The siblings only add context; without them the set rules see less, as before.
            }
        }
        return List.copyOf(result);
    }

    /** Accumulators shared by the workers of one run. */
    private final class RunState {
        final LongAdder markdownNanos = new LongAdder();
        final LongAdder embeddedNanos = new LongAdder();
        final LongAdder ruleNanos = new LongAdder();
        final Map<String, LongAdder> perRule = new ConcurrentHashMap<>();
        /**
         * Groups the rules of one file (or set) are split into when there are fewer files than
         * workers: a one-file run then uses every core, mostly for first-use class loading.
         */
        final int ruleGroups;
        final ExecutorService pool;
        /** Enabled rules with resolved options per configuration (by identity: one per folder at most). */
        private final Map<Config, List<ActiveRule>> active = new IdentityHashMap<>();

        /** Scopes of the checked paths; a file is read-limited to the first that holds it. */
        final List<FileScope> scopes;
        /** Facts and anchors of linked files, shared by the rules of the run (each file parsed once). */
        final LinkTargets linkTargets = new LinkTargets(this::reachFirst);
        /**
         * The checks of the files on disk not started yet, by absolute normalised path (see
         * {@link #reachFirst}); a check leaves as it starts, so nothing here outlives its file.
         */
        final Map<Path, FutureTask<FileOutcome>> unstarted = new ConcurrentHashMap<>();
        /** Per worker: how deep {@link #reachFirst} nests, and the time spent in it (see {@link #nestedNanos}). */
        private final ThreadLocal<long[]> nesting = ThreadLocal.withInitial(() -> new long[2]);

        RunState(int ruleGroups, ExecutorService pool, List<FileScope> scopes) {
            this.ruleGroups = ruleGroups;
            this.pool = pool;
            this.scopes = scopes;
        }

        FileScope scopeOf(Path file) {
            for (FileScope scope : scopes) {
                if (file != null && file.toAbsolutePath().normalize().startsWith(scope.root())) {
                    return scope;
                }
            }
            return FileScope.of(file == null ? workingDirectory : file, maxFileBytes);
        }

        synchronized List<ActiveRule> activeRules(Config config) {
            return active.computeIfAbsent(config, Linter.this::resolveRules);
        }

        void addRuleTime(String ruleId, long nanos) {
            perRule.computeIfAbsent(ruleId, k -> new LongAdder()).add(nanos);
        }

        /**
         * A rule asks for the anchors of {@code file} before the run checked it: check it now, on
         * this worker, so that it is parsed once (for its own check, which registers its anchors)
         * rather than a second time by {@link LinkTargets}. Its outcome is the one its job would
         * have produced later (that job then finds it done and does nothing), so findings and
         * their order do not depend on which worker got there first. Nothing happens when the
         * file is no job of this run, is already started (another worker has it: waiting could
         * deadlock), rules are split over workers (a small run), or checks nest too deeply; the
         * caller then reads the file itself. A nested check holds its caller's document only
         * for its own duration, so at most {@link #MAX_REACH_DEPTH} more per worker.
         */
        private void reachFirst(Path file) {
            long[] nest = nesting.get();
            if (ruleGroups > 1 || nest[0] >= MAX_REACH_DEPTH) {
                return;
            }
            FutureTask<FileOutcome> task = unstarted.get(file);
            if (task == null) {
                return;
            }
            long before = nest[1];
            long t = System.nanoTime();
            nest[0]++;
            try {
                task.run();
            } finally {
                nest[0]--;
                // Set, not added: checks nested in this one are inside its elapsed time already.
                nest[1] = before + (System.nanoTime() - t);
            }
        }

        /**
         * Time this worker spent so far checking files reached first from inside a rule: the
         * difference over a timed span is taken off that span, so every file's parse and rules
         * are counted once, under that file, not also under the rule that reached it.
         */
        long nestedNanos() {
            return nesting.get()[1];
        }
    }

    /** How deep checks of files reached first from a link may nest on one worker. */
    private static final int MAX_REACH_DEPTH = 8;

    /**
     * A rule that is on for some configuration, with its metadata, options and configured level
     * resolved once: some rules build their metadata on each {@code meta()} call, which must stay
     * out of the per-file and per-finding paths.
     */
    private record ActiveRule(Rule rule, RuleMeta meta, RuleOptions options, Level level) {
    }

    /** Config.setting() matches globs; resolving once per configuration keeps it out of the per-file loop. */
    private List<ActiveRule> resolveRules(Config config) {
        List<ActiveRule> result = new ArrayList<>();
        for (Rule rule : registry.all()) {
            RuleMeta meta = rule.meta();
            Optional<RuleSetting> setting = config.setting(meta.id());
            if (setting.map(RuleSetting::off).orElse(false)) {
                continue;
            }
            RuleOptions options = new RuleOptions(meta.options(), setting.map(RuleSetting::options).orElse(Map.of()));
            result.add(new ActiveRule(rule, meta, options, setting.flatMap(RuleSetting::level).orElse(null)));
        }
        return List.copyOf(result);
    }

    /** Files a walk finds before checking starts while it goes on (see {@link Schedule}). */
    static final int EARLY_START_FILES = 64;

    /**
     * The checks of one run, handed to the workers as they become known. A run over a large
     * tree starts checking while the walk goes on (walking the corpus took a tenth of a run, with
     * one core idle), once the walk has found {@link #EARLY_START_FILES} files and more than half
     * the workers: rules are then never split over workers ({@link RunState#ruleGroups}), as at
     * the end of the walk. A small tree is walked first, so that every file is known before any
     * check and a link to a file not checked yet is {@link RunState#reachFirst reached} first.
     * Findings do not depend on the order checks start in.
     */
    private final class Schedule {
        private final List<FileScope> scopes;
        private final List<Job> waiting = new ArrayList<>();
        private final Map<Job, FutureTask<FileOutcome>> tasks = new IdentityHashMap<>();
        private ExecutorService pool;
        private RunState state;

        Schedule(List<FileScope> scopes) {
            this.scopes = scopes;
        }

        /** A file found by the walk: checked now when the run is known to be large enough. */
        void offer(Job job) {
            if (state != null) {
                execute(job);
                return;
            }
            waiting.add(job);
            if (waiting.size() >= EARLY_START_FILES && waiting.size() * 2 > jobs) {
                start(waiting.size());
                waiting.forEach(this::execute);
                waiting.clear();
            }
        }

        /** Starts the workers for a run of {@code checked} files, unless they run already. */
        RunState start(int checked) {
            if (state == null) {
                // Threads start on demand, so a pool of `jobs` costs nothing when fewer are needed.
                pool = Executors.newFixedThreadPool(jobs, workerFactory());
                state = new RunState(Math.max(1, jobs / Math.max(1, checked)), pool, scopes);
            }
            return state;
        }

        /** The task of {@code job}, made (and registered for reaching it first) when it has none yet. */
        FutureTask<FileOutcome> task(Job job) {
            FutureTask<FileOutcome> existing = tasks.get(job);
            if (existing != null) {
                return existing;
            }
            Path reachable = job.file() == null || job.contextOnly() ? null : job.file().toAbsolutePath().normalize();
            RunState run = state;
            FutureTask<FileOutcome> task = new FutureTask<>(() -> {
                if (reachable != null) {
                    run.unstarted.remove(reachable);
                }
                return job.contextOnly() ? readContext(job, run) : checkFile(job, run);
            });
            tasks.put(job, task);
            if (reachable != null) {
                run.unstarted.putIfAbsent(reachable, task);
            }
            return task;
        }

        private void execute(Job job) {
            pool.execute(task(job));
        }

        void stop() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private LintResult run(Schedule schedule, List<Job> work, List<Notice> notices, long start, long discoveryNanos,
            LongAdder reading, FileDiscovery discovery, Progress progress) {
        List<FileOutcome> outcomes = new ArrayList<>();
        long setNanos;
        // Files read only as context (siblings of a named file) run no document rules: a one-file
        // run splits its rules over every worker however many siblings are read beside it.
        int checked = (int) work.stream().filter(j -> !j.contextOnly()).count();
        try {
            RunState state = schedule.start(checked);
            List<FutureTask<FileOutcome>> futures = new ArrayList<>();
            List<FutureTask<FileOutcome>> fresh = new ArrayList<>();
            for (Job job : work) {
                boolean started = schedule.tasks.containsKey(job);
                FutureTask<FileOutcome> task = schedule.task(job);
                futures.add(task);
                if (!started) {
                    fresh.add(task);
                }
            }
            // All registered before any of them runs (submitting publishes them to the workers).
            fresh.forEach(schedule.pool::execute);
            for (int i = 0; i < futures.size(); i++) {
                boolean context = work.get(i).contextOnly();
                try {
                    FileOutcome outcome = futures.get(i).get();
                    if (outcome != null) {
                        outcomes.add(outcome);
                    }
                } catch (ExecutionException e) {
                    if (context) {
                        continue;
                    }
                    notices.add(new Notice(work.get(i).display(), Notice.Kind.ERROR,
                            "internal error while checking: " + describe(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (!context) {
                    progress.filesChecked(Math.min(i + 1, checked), checked);
                }
            }
            long setStart = System.nanoTime();
            List<Finding> setFindings = runSetRules(outcomes, notices, schedule.pool, state, discovery);
            setNanos = System.nanoTime() - setStart;
            return finish(outcomes, setFindings, notices, start, discoveryNanos, reading, setNanos, state);
        } finally {
            schedule.stop();
        }
    }

    private LintResult finish(List<FileOutcome> outcomes, List<Finding> setFindings, List<Notice> notices, long start,
            long discoveryNanos, LongAdder reading, long setNanos, RunState state) {
        List<Finding> findings = new ArrayList<>();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        long chars = 0;
        Map<String, MarkdownDocument> documents = new HashMap<>();
        List<Finding> alreadySuppressed = new ArrayList<>();
        for (FileOutcome outcome : outcomes) {
            if (outcome.contextOnly()) {
                continue;
            }
            notices.addAll(outcome.notices());
            if (outcome.file() != null) {
                files.put(outcome.file().display(), outcome.file().path());
                chars += outcome.file().chars();
                if (outcome.source() != null) {
                    sources.put(outcome.file().display(), outcome.source());
                }
                if (outcome.document() != null) {
                    findings.addAll(outcome.findings());
                    documents.put(outcome.file().display(), outcome.document());
                } else {
                    alreadySuppressed.addAll(outcome.findings());
                }
            }
        }
        findings.addAll(setFindings);

        List<Finding> result = applySuppressions(findings, documents);
        result.addAll(alreadySuppressed);
        result.sort(Finding.ORDER);
        if (!allSources) {
            java.util.Set<String> reported = new java.util.HashSet<>();
            result.forEach(f -> reported.add(f.file()));
            sources.keySet().retainAll(reported);
        }
        notices.sort(java.util.Comparator.comparing(Notice::file).thenComparing(Notice::message));
        Map<String, Long> perRule = new TreeMap<>();
        state.perRule.forEach((id, nanos) -> perRule.put(id, nanos.sum()));
        Timings timings = new Timings(discoveryNanos, reading.sum(), state.markdownNanos.sum(), state.embeddedNanos.sum(),
                state.ruleNanos.sum(), setNanos, System.nanoTime() - start, perRule, chars);
        return new LintResult(result, notices, sources, registry.all(), files.size(), timings, files);
    }

    /** A sibling read for the set rules: parsed and typed, no document rule, nothing reported; null when untyped or unreadable. */
    private FileOutcome readContext(Job job, RunState state) throws Exception {
        SourceLoader.Loaded loaded = job.loader().call();
        if (!loaded.ok()) {
            return null;
        }
        SourceFile source = loaded.source();
        Config config = configs.configFor(source.path());
        MarkdownDocument document = markdownParser.parse(source);
        Optional<DocumentType> type = resolveType(document, config);
        return type.isEmpty() ? null
                : new FileOutcome(CheckedFile.of(source), source, document, type, config, List.of(), List.of(), true);
    }

    private FileOutcome checkFile(Job job, RunState state) throws Exception {
        SourceLoader.Loaded loaded = job.loader().call();
        if (!loaded.ok()) {
            return new FileOutcome(null, null, Optional.empty(), null, List.of(), List.of(loaded.notice()));
        }
        SourceFile source = loaded.source();
        Config config = configs.configFor(source.path());
        long t0 = System.nanoTime();
        MarkdownDocument document;
        try {
            document = markdownParser.parse(source);
        } catch (RuntimeException | Error e) {
            // Not a skip: the file was meant to be checked and was not, so the run must fail.
            return new FileOutcome(null, null, Optional.empty(), config, List.of(),
                    List.of(new Notice(job.display(), Notice.Kind.ERROR, "internal error while reading the Markdown: "
                            + describe(e))));
        }
        long t1 = System.nanoTime();
        state.markdownNanos.add(t1 - t0);
        List<Notice> notices = new ArrayList<>();
        int tooDeep = document.firstTooDeepLine();
        if (tooDeep > 0) {
            notices.add(new Notice(job.display(), Notice.Kind.SKIPPED, "partly checked: line " + tooDeep
                    + " nests lists or block quotes deeper than " + MarkdownParser.MAX_NESTING
                    + " levels or indents them more than " + MarkdownParser.MAX_LINE_PREFIX
                    + " characters; the rest of such lines is read as plain text"));
        }
        parseEmbedded(document, job.display(), notices);
        long t2 = System.nanoTime();
        long nested2 = state.nestedNanos();
        state.embeddedNanos.add(t2 - t1);
        Optional<DocumentType> type = resolveType(document, config);
        List<ActiveRule> documentRules = state.activeRules(config).stream()
                .filter(a -> a.rule() instanceof DocumentRule).toList();
        List<Finding> findings = new ArrayList<>();
        if (state.ruleGroups == 1) {
            runDocumentRules(documentRules, document, type, config, job.display(), state, findings, notices);
        } else {
            // Group 0 runs here, the others on idle workers; results merge in group order.
            List<List<ActiveRule>> groups = split(documentRules, state.ruleGroups);
            List<Future<SetOutcome>> others = new ArrayList<>();
            for (List<ActiveRule> group : groups.subList(1, groups.size())) {
                others.add(state.pool.submit(() -> {
                    List<Finding> f = new ArrayList<>();
                    List<Notice> n = new ArrayList<>();
                    runDocumentRules(group, document, type, config, job.display(), state, f, n);
                    return new SetOutcome(f, n);
                }));
            }
            runDocumentRules(groups.get(0), document, type, config, job.display(), state, findings, notices);
            for (Future<SetOutcome> other : others) {
                SetOutcome outcome = other.get();
                findings.addAll(outcome.findings());
                notices.addAll(outcome.notices());
            }
        }
        state.ruleNanos.add(System.nanoTime() - t2 - (state.nestedNanos() - nested2));
        if (type.isEmpty()) {
            // No planning set will report on an untyped file: suppress now and let the parsed
            // document go, so a large tree does not hold every Markdown model until the end.
            List<Finding> suppressed = suppressor.apply(document, findings, registry.ids());
            boolean keepText = allSources || !suppressed.isEmpty();
            return new FileOutcome(CheckedFile.of(source), keepText ? source : null, null, type, config, suppressed,
                    notices, false);
        }
        return new FileOutcome(source, document, type, config, findings, notices);
    }

    private void runDocumentRules(List<ActiveRule> rules, MarkdownDocument document, Optional<DocumentType> type,
            Config config, String display, RunState state, List<Finding> findings, List<Notice> notices) {
        for (ActiveRule active : rules) {
            if (!active.meta().appliesTo().matches(type)) {
                continue;
            }
            DocumentRule documentRule = (DocumentRule) active.rule();
            DocumentContext context = new DocumentCollector(active.meta(), document, type, config.types(),
                    active.options(), active.level(), new ReportGate(active.meta(), display, findings, notices),
                    state.scopeOf(document.source().path()), state.linkTargets);
            long r0 = System.nanoTime();
            long nested0 = state.nestedNanos();
            try {
                documentRule.check(context);
            } catch (RuntimeException | Error e) {
                notices.add(new Notice(display, Notice.Kind.ERROR,
                        "rule " + active.rule().id() + " failed on this file: " + describe(e)));
            }
            state.addRuleTime(active.meta().id(), System.nanoTime() - r0 - (state.nestedNanos() - nested0));
        }
    }

    /** Round-robin groups (rules are sorted by id, so a family's rules spread over the groups). */
    private static <T> List<List<T>> split(List<T> items, int groups) {
        List<List<T>> result = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            result.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            result.get(i % groups).add(items.get(i));
        }
        return result;
    }

    /**
     * Parses the embedded YAML, JSON and HCL blocks, tagged or guessed, up front (the trees are cached on the block,
     * so rules reuse them): it times that phase on its own, and a parser that fails on hostile
     * input fails here once, with one message, instead of inside every rule.
     */
    private static void parseEmbedded(MarkdownDocument document, String display, List<Notice> notices) {
        for (CodeBlock block : document.codeBlocks()) {
            try {
                // Effective language: an untagged block's guess (which parses it) is made here,
                // once, instead of inside whichever rule asks first.
                if (block.isEffectively("yaml", "yml")) {
                    block.yaml();
                } else if (block.isEffectively("json", "jsonc", "json5")) {
                    block.json();
                } else if (block.isEffectively("hcl", "terraform", "tf")) {
                    block.hcl();
                }
            } catch (RuntimeException | Error e) {
                notices.add(new Notice(display, Notice.Kind.ERROR, "cannot parse the " + block.language()
                        + " block at line " + block.range().start().line() + ": " + describe(e)));
                return;
            }
        }
    }

    /** Type from front matter, then configuration, then the file name. */
    private Optional<DocumentType> resolveType(MarkdownDocument document, Config config) {
        DocumentTypes types = config.types();
        Optional<String> declared = document.declaredType().or(() -> config.typeFor(document.path()));
        if (declared.isPresent()) {
            return types.get(declared.get());
        }
        Path name = document.source().path().getFileName();
        return name == null ? Optional.empty() : types.byFileName(name.toString());
    }

    /** One planning set (typed documents of a folder) checked by every set rule, in parallel across folders. */
    private List<Finding> runSetRules(List<FileOutcome> outcomes, List<Notice> notices, ExecutorService pool,
            RunState state, FileDiscovery discovery) {
        Map<Path, List<FileOutcome>> byFolder = new TreeMap<>();
        for (FileOutcome outcome : outcomes) {
            if (outcome.document() != null && outcome.type().isPresent()) {
                Path folder = outcome.file().path().toAbsolutePath().normalize().getParent();
                byFolder.computeIfAbsent(folder == null ? Path.of("") : folder, k -> new ArrayList<>()).add(outcome);
            }
        }
        // A folder of siblings only (the named file was untyped) has nothing to report on.
        byFolder.values().removeIf(members -> members.stream().allMatch(FileOutcome::contextOnly));
        boolean anySetRule = registry.all().stream().anyMatch(r -> r instanceof SetRule);
        if (!anySetRule || byFolder.isEmpty()) {
            return List.of();
        }
        int groups = Math.max(1, jobs / byFolder.size());
        List<Future<SetOutcome>> futures = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (Map.Entry<Path, List<FileOutcome>> entry : byFolder.entrySet()) {
            for (int g = 0; g < groups; g++) {
                int group = g;
                futures.add(pool.submit(() -> checkSet(entry.getKey(), entry.getValue(), state, discovery, group, groups)));
                folders.add(discovery.display(entry.getKey()));
            }
        }
        java.util.Set<String> contextFiles = new java.util.HashSet<>();
        outcomes.stream().filter(FileOutcome::contextOnly).forEach(o -> contextFiles.add(o.file().display()));
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                SetOutcome outcome = futures.get(i).get();
                outcome.findings().stream().filter(f -> !contextFiles.contains(f.file())).forEach(findings::add);
                notices.addAll(outcome.notices());
            } catch (ExecutionException e) {
                notices.add(new Notice(folders.get(i), Notice.Kind.ERROR,
                        "internal error while checking the planning set: " + describe(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return findings;
    }

    private record SetOutcome(List<Finding> findings, List<Notice> notices) {
    }

    private SetOutcome checkSet(Path folder, List<FileOutcome> members, RunState state, FileDiscovery discovery,
            int group, int groups) {
        List<FileOutcome> sorted = new ArrayList<>(members);
        sorted.sort(java.util.Comparator.comparing(o -> o.file().display()));
        Config config = sorted.get(0).config();
        List<TypedDocument> typed = new ArrayList<>();
        sorted.forEach(o -> typed.add(new TypedDocument(o.document(), o.type().get())));
        String display = discovery.display(folder);
        PlanningSet set = new PlanningSet(folder, display, typed, config.types());
        List<Finding> findings = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        List<ActiveRule> setRules = state.activeRules(config).stream().filter(a -> a.rule() instanceof SetRule).toList();
        for (ActiveRule active : split(setRules, groups).get(group)) {
            if (!active.meta().appliesTo().matches(set)) {
                continue;
            }
            SetRule setRule = (SetRule) active.rule();
            long r0 = System.nanoTime();
            try {
                setRule.check(new SetCollector(active.meta(), set, active.options(), active.level(),
                        new ReportGate(active.meta(), display, findings, notices)));
            } catch (RuntimeException | Error e) {
                notices.add(new Notice(display, Notice.Kind.ERROR,
                        "rule " + active.rule().id() + " failed on this planning set: " + describe(e)));
            }
            state.addRuleTime(active.meta().id(), System.nanoTime() - r0);
        }
        return new SetOutcome(findings, notices);
    }

    private List<Finding> applySuppressions(List<Finding> findings, Map<String, MarkdownDocument> documents) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding f : findings) {
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        documents.keySet().forEach(file -> byFile.computeIfAbsent(file, k -> new ArrayList<>()));
        List<Finding> result = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
            MarkdownDocument document = documents.get(entry.getKey());
            result.addAll(document == null ? entry.getValue()
                    : suppressor.apply(document, entry.getValue(), registry.ids()));
        }
        return result;
    }

    static Finding toFinding(RuleMeta meta, String file, Report report, Level configured) {
        Level level = configured != null ? configured : report.level().orElse(meta.defaultLevel());
        return new Finding(meta.id(), level, report.message(), file, report.range(), report.fix(), report.related(),
                report.sensitive(), Optional.empty(), report.messageId());
    }

    /**
     * Holds rules to their metadata as their reports arrive: a fix from a rule that is not
     * {@code fixable} (a suggestion from one that does not {@code suggest}) is dropped, the finding stays; and a report whose message id the metadata
     * does not declare is kept but flagged; each breach is an internal-error notice (once per rule
     * and file or set), which fails the run, so it cannot go unnoticed in tests. Used by one
     * thread at a time (one rule on one file or set).
     */
    static final class ReportGate {
        private final RuleMeta meta;
        private final String display;
        private final List<Finding> sink;
        private final List<Notice> notices;
        private boolean fixNoticed;
        private boolean messageNoticed;

        ReportGate(RuleMeta meta, String display, List<Finding> sink, List<Notice> notices) {
            this.meta = meta;
            this.display = display;
            this.sink = sink;
            this.notices = notices;
        }

        void accept(String file, Report report, Level configured) {
            Report checked = report;
            if (checked.fix().isPresent()
                    && (checked.fix().get().automatic() ? !meta.fixable() : !meta.suggests())) {
                String what = checked.fix().get().automatic() ? "a fix" : "a suggestion";
                checked = checked.withoutFix();
                if (!fixNoticed) {
                    fixNoticed = true;
                    notices.add(new Notice(display, Notice.Kind.ERROR, "internal error: rule " + meta.id()
                            + " attached " + what + " but its metadata does not declare it "
                            + (what.equals("a fix") ? "fixable" : "suggesting") + "; it was dropped"));
                }
            }
            String problem = messageProblem(checked);
            if (problem != null && !messageNoticed) {
                messageNoticed = true;
                notices.add(new Notice(display, Notice.Kind.ERROR, "internal error: rule " + meta.id() + " " + problem));
            }
            sink.add(toFinding(meta, file, checked, configured));
        }

        private String messageProblem(Report report) {
            if (report.messageId().isEmpty()) {
                return "reported a finding without a message id (declare its messages in the rule's metadata)";
            }
            String id = report.messageId().get();
            return meta.message(id).isPresent() ? null
                    : "reported message id '" + id + "', which its metadata does not declare";
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "input nested too deeply";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (give Java more with -Xmx, or lower --max-file-size)";
        }
        String message = e.getMessage();
        // Parser messages can quote the document, secrets included.
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + SecretMask.mask(message.lines().findFirst().orElse("")));
    }

    private static ThreadFactory workerFactory() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, "opsdoc-worker-" + counter.incrementAndGet(), WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }

    private record DocumentCollector(RuleMeta meta, MarkdownDocument document, Optional<DocumentType> type,
            DocumentTypes types, RuleOptions options, Level level, ReportGate gate, FileScope files,
            LinkTargets linkTargets) implements DocumentContext {
        @Override
        public void report(Report report) {
            gate.accept(document.path(), SecretMask.guard(report, document.source()), level);
        }
    }

    private record SetCollector(RuleMeta meta, PlanningSet set, RuleOptions options, Level level, ReportGate gate)
            implements SetContext {
        @Override
        public void report(MarkdownDocument document, Report report) {
            gate.accept(document.path(), SecretMask.guard(report, document.source()), level);
        }
    }

    static List<Finding> unmodifiable(List<Finding> findings) {
        return Collections.unmodifiableList(findings);
    }
}
