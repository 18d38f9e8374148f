package io.opsdoc.core.engine;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.config.RuleSetting;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.PlanningSet;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleOptions;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final MarkdownParser markdownParser = new MarkdownParser();

    public Linter(RuleRegistry registry, ConfigProvider configs, Suppressor suppressor, int jobs,
            Path workingDirectory, long maxFileBytes) {
        this.registry = registry;
        this.configs = configs;
        this.suppressor = suppressor;
        this.jobs = Math.max(1, jobs);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
    }

    /** A linter with default configuration, one worker per processor. */
    public static Linter withDefaults(RuleRegistry registry, Path workingDirectory) {
        return new Linter(registry, ConfigProvider.of(Config.defaults()), Suppressor.NONE,
                Runtime.getRuntime().availableProcessors(), workingDirectory, SourceLoader.DEFAULT_MAX_BYTES);
    }

    public RuleRegistry registry() {
        return registry;
    }

    private record FileOutcome(SourceFile source, MarkdownDocument document, Optional<DocumentType> type,
            Config config, List<Finding> findings, List<Notice> notices) {
    }

    public LintResult lint(List<Path> paths) {
        long start = System.nanoTime();
        FileDiscovery discovery = new FileDiscovery(workingDirectory);
        Config rootConfig = configs.configFor(workingDirectory.resolve("opsdoc-root"));
        FileDiscovery.Result found = discovery.discover(paths, p -> {
            String display = discovery.display(p);
            return configs.configFor(p).ignored(display) || rootConfig.ignored(display);
        });
        long discovered = System.nanoTime();
        SourceLoader loader = new SourceLoader(maxFileBytes);
        LongAdder reading = new LongAdder();
        List<Notice> notices = new ArrayList<>(found.notices());
        List<Job> jobsToRun = new ArrayList<>();
        for (Path file : found.files()) {
            String display = discovery.display(file);
            jobsToRun.add(new Job(display, () -> {
                long t = System.nanoTime();
                SourceLoader.Loaded loaded = loader.load(file, display);
                reading.add(System.nanoTime() - t);
                return loaded;
            }));
        }
        return run(jobsToRun, notices, start, discovered - start, reading);
    }

    /** Lints sources already in memory (tests, editors); they still form planning sets by folder. */
    public LintResult lintSources(List<SourceFile> sources) {
        long start = System.nanoTime();
        List<Job> jobsToRun = new ArrayList<>();
        for (SourceFile source : sources) {
            jobsToRun.add(new Job(source.displayPath(), () -> new SourceLoader.Loaded(source, null)));
        }
        return run(jobsToRun, new ArrayList<>(), start, 0, new LongAdder());
    }

    private record Job(String display, java.util.concurrent.Callable<SourceLoader.Loaded> loader) {
    }

    private LintResult run(List<Job> work, List<Notice> notices, long start, long discoveryNanos, LongAdder reading) {
        LongAdder markdownNanos = new LongAdder();
        LongAdder ruleNanos = new LongAdder();
        List<FileOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, work.size())), workerFactory());
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (Job job : work) {
                futures.add(pool.submit(() -> checkFile(job, markdownNanos, ruleNanos)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    notices.add(new Notice(work.get(i).display(), Notice.Kind.ERROR,
                            "internal error while checking: " + describe(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }

        List<Finding> findings = new ArrayList<>();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        Map<String, MarkdownDocument> documents = new HashMap<>();
        for (FileOutcome outcome : outcomes) {
            notices.addAll(outcome.notices());
            if (outcome.source() != null) {
                sources.put(outcome.source().displayPath(), outcome.source());
                findings.addAll(outcome.findings());
                if (outcome.document() != null) {
                    documents.put(outcome.source().displayPath(), outcome.document());
                }
            }
        }
        long setStart = System.nanoTime();
        findings.addAll(runSetRules(outcomes, notices));
        long setNanos = System.nanoTime() - setStart;

        List<Finding> result = applySuppressions(findings, documents);
        result.sort(Finding.ORDER);
        notices.sort(java.util.Comparator.comparing(Notice::file).thenComparing(Notice::message));
        Timings timings = new Timings(discoveryNanos, reading.sum(), markdownNanos.sum(), ruleNanos.sum(), setNanos,
                System.nanoTime() - start);
        return new LintResult(result, notices, sources, registry.all(), sources.size(), timings);
    }

    private FileOutcome checkFile(Job job, LongAdder markdownNanos, LongAdder ruleNanos) throws Exception {
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
        } catch (StackOverflowError e) {
            return new FileOutcome(null, null, Optional.empty(), config, List.of(),
                    List.of(new Notice(job.display(), Notice.Kind.SKIPPED, "skipped: Markdown nesting is too deep to check")));
        }
        markdownNanos.add(System.nanoTime() - t0);
        Optional<DocumentType> type = resolveType(document, config);
        List<Finding> findings = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        long t1 = System.nanoTime();
        for (Rule rule : registry.all()) {
            if (!(rule instanceof DocumentRule documentRule)) {
                continue;
            }
            Optional<RuleSetting> setting = config.setting(rule.id());
            if (setting.map(RuleSetting::off).orElse(false)) {
                continue;
            }
            RuleOptions options = new RuleOptions(rule.meta().options(),
                    setting.map(RuleSetting::options).orElse(Map.of()));
            Level level = setting.flatMap(RuleSetting::level).orElse(null);
            DocumentContext context = new DocumentCollector(rule, document, type, config.types(), options, level, findings);
            try {
                documentRule.check(context);
            } catch (RuntimeException | StackOverflowError e) {
                notices.add(new Notice(job.display(), Notice.Kind.ERROR,
                        "rule " + rule.id() + " failed on this file: " + describe(e)));
            }
        }
        ruleNanos.add(System.nanoTime() - t1);
        return new FileOutcome(source, document, type, config, findings, notices);
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

    private List<Finding> runSetRules(List<FileOutcome> outcomes, List<Notice> notices) {
        Map<Path, List<FileOutcome>> byFolder = new TreeMap<>();
        for (FileOutcome outcome : outcomes) {
            if (outcome.document() != null && outcome.type().isPresent()) {
                Path folder = outcome.source().path().toAbsolutePath().normalize().getParent();
                byFolder.computeIfAbsent(folder == null ? Path.of("") : folder, k -> new ArrayList<>()).add(outcome);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Path, List<FileOutcome>> entry : byFolder.entrySet()) {
            List<FileOutcome> members = entry.getValue();
            members.sort(java.util.Comparator.comparing(o -> o.source().displayPath()));
            Config config = members.get(0).config();
            List<TypedDocument> typed = new ArrayList<>();
            members.forEach(o -> typed.add(new TypedDocument(o.document(), o.type().get())));
            String display = new FileDiscovery(workingDirectory).display(entry.getKey());
            PlanningSet set = new PlanningSet(entry.getKey(), display, typed, config.types());
            for (Rule rule : registry.all()) {
                if (!(rule instanceof SetRule setRule)) {
                    continue;
                }
                Optional<RuleSetting> setting = config.setting(rule.id());
                if (setting.map(RuleSetting::off).orElse(false)) {
                    continue;
                }
                RuleOptions options = new RuleOptions(rule.meta().options(),
                        setting.map(RuleSetting::options).orElse(Map.of()));
                Level level = setting.flatMap(RuleSetting::level).orElse(null);
                try {
                    setRule.check(new SetCollector(rule, set, options, level, findings));
                } catch (RuntimeException | StackOverflowError e) {
                    notices.add(new Notice(display, Notice.Kind.ERROR,
                            "rule " + rule.id() + " failed on this planning set: " + describe(e)));
                }
            }
        }
        return findings;
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

    static Finding toFinding(Rule rule, String file, Report report, Level configured) {
        Level level = configured != null ? configured : report.level().orElse(rule.meta().defaultLevel());
        return new Finding(rule.id(), level, report.message(), file, report.range(), report.fix(), report.related(),
                report.sensitive(), Optional.empty());
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "input nested too deeply";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static ThreadFactory workerFactory() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, "opsdoc-worker-" + counter.incrementAndGet(), WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }

    private record DocumentCollector(Rule rule, MarkdownDocument document, Optional<DocumentType> type,
            DocumentTypes types, RuleOptions options, Level level, List<Finding> sink) implements DocumentContext {
        @Override
        public void report(Report report) {
            sink.add(toFinding(rule, document.path(), report, level));
        }
    }

    private record SetCollector(Rule rule, PlanningSet set, RuleOptions options, Level level, List<Finding> sink)
            implements SetContext {
        @Override
        public void report(MarkdownDocument document, Report report) {
            sink.add(toFinding(rule, document.path(), report, level));
        }
    }

    static List<Finding> unmodifiable(List<Finding> findings) {
        return Collections.unmodifiableList(findings);
    }
}
