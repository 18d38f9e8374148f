package io.opsdoc.checkstyle;

import com.puppycrawl.tools.checkstyle.api.AbstractFileSetCheck;
import com.puppycrawl.tools.checkstyle.api.FileText;
import com.puppycrawl.tools.checkstyle.api.MessageDispatcher;
import com.puppycrawl.tools.checkstyle.api.SeverityLevel;
import com.puppycrawl.tools.checkstyle.api.Violation;
import io.opsdoc.core.Level;
import io.opsdoc.core.config.CascadingConfigProvider;
import io.opsdoc.core.config.ConfigException;
import io.opsdoc.core.config.ConfigLoader;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.engine.SourceLoader;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.source.SourceFile;
import io.opsdoc.core.suppress.InlineSuppressor;
import io.opsdoc.rules.configrules.ConfigRules;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Checkstyle module that reports opsdoc findings on Markdown planning documents, so a team that
 * already runs Checkstyle sees them in the same report, build gate and IDE plugin.
 *
 * <pre>{@code
 * <module name="Checker">
 *   <module name="io.opsdoc.checkstyle.OpsdocCheck">
 *     <property name="config" value=".opsdoc.yml"/>   <!-- optional -->
 *   </module>
 * </module>
 * }</pre>
 *
 * <p>Planning-set rules compare the four documents of one folder, so a file cannot be judged
 * alone: {@link #processFiltered} only collects the files Checkstyle hands over, and
 * {@link #finishProcessing} lints them together — exactly as {@code opsdoc check FILE...} would —
 * and dispatches each file's findings (Checkstyle's own TranslationCheck reports the same way).
 * Each finding keeps its opsdoc level (error, warning, note → info), so a Checkstyle build fails
 * only on opsdoc errors; the message is {@code [rule-id] message} and the violation's source is
 * this module with the rule id as module id, so SuppressionFilter can select single rules by
 * {@code id}.
 */
public class OpsdocCheck extends AbstractFileSetCheck {
    /** The finding's message goes in as an argument: Violation formats its pattern with MessageFormat. */
    private static final String VERBATIM = "{0}";
    private static final String NOTICE_ID = "opsdoc/notice";

    private final List<Path> files = new ArrayList<>();
    private String config;
    private String workingDirectory;
    private int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());

    public OpsdocCheck() {
        setFileExtensions("md", "markdown");
    }

    /** An opsdoc configuration file to use instead of discovering {@code .opsdoc.yml} files. */
    public void setConfig(String config) {
        this.config = config;
    }

    /** The folder that configuration discovery and display paths start from (default: the current folder). */
    public void setWorkingDirectory(String workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Files checked in parallel (default: number of processors). */
    public void setJobs(int jobs) {
        this.jobs = Math.max(1, jobs);
    }

    @Override
    public void beginProcessing(String charset) {
        super.beginProcessing(charset);
        files.clear();
    }

    @Override
    protected void processFiltered(File file, FileText fileText) {
        files.add(file.toPath().toAbsolutePath().normalize());
    }

    @Override
    public void finishProcessing() {
        if (files.isEmpty()) {
            return;
        }
        Path cwd = workingDirectory();
        LintResult result = lint(cwd, List.copyOf(files));
        files.clear();
        Map<String, SortedSet<Violation>> byFile = new LinkedHashMap<>();
        for (Finding finding : result.active()) {
            byFile.computeIfAbsent(absolute(cwd, result, finding.file()), k -> new TreeSet<>()).add(violation(finding));
        }
        for (Notice notice : result.notices()) {
            byFile.computeIfAbsent(absolute(cwd, result, notice.file()), k -> new TreeSet<>()).add(new Violation(1, 0,
                    null, NOTICE_ID, new Object[] {notice.message()}, SeverityLevel.WARNING, NOTICE_ID, getClass(),
                    VERBATIM));
        }
        MessageDispatcher dispatcher = getMessageDispatcher();
        for (Map.Entry<String, SortedSet<Violation>> entry : byFile.entrySet()) {
            dispatcher.fireFileStarted(entry.getKey());
            dispatcher.fireErrors(entry.getKey(), entry.getValue());
            dispatcher.fireFileFinished(entry.getKey());
        }
    }

    /** Lints {@code paths} with the configuration opsdoc's CLI would use for them. */
    private LintResult lint(Path cwd, List<Path> paths) {
        return linter(cwd, Optional.ofNullable(config).map(cwd::resolve), paths, jobs).lint(paths);
    }

    private Path workingDirectory() {
        return (workingDirectory == null ? Path.of("") : Path.of(workingDirectory)).toAbsolutePath().normalize();
    }

    /**
     * The CLI's setup ({@code ConfigCommand.setup}) on core types: configuration files, their
     * custom rules and inline suppressions. Kept here because this module must not depend on cli.
     */
    static Linter linter(Path workingDirectory, Optional<Path> explicitConfig, List<Path> paths, int jobs) {
        try {
            ConfigLoader loader = ConfigLoader.discover(workingDirectory, explicitConfig, paths);
            List<Rule> custom = ConfigRules.custom(loader.customRules());
            RuleRegistry registry = RuleRegistry.load().with(custom);
            CascadingConfigProvider provider = new CascadingConfigProvider(loader,
                    registry.all().stream().map(Rule::meta).toList());
            for (Path path : paths) {
                provider.configFor(workingDirectory.resolve(path));
            }
            return new Linter(registry, provider, new InlineSuppressor(provider), jobs, workingDirectory,
                    SourceLoader.DEFAULT_MAX_BYTES);
        } catch (ConfigException e) {
            // Checkstyle reports a module's runtime exception with the file set; the message is one line.
            throw new IllegalStateException("opsdoc: " + e.getMessage(), e);
        }
    }

    private static String absolute(Path cwd, LintResult result, String display) {
        SourceFile source = result.sources().get(display);
        Path path = source != null ? source.path() : cwd.resolve(display);
        return path.toAbsolutePath().normalize().toString();
    }

    private Violation violation(Finding finding) {
        return new Violation(finding.line(), finding.column(), null, finding.ruleId(),
                new Object[] {"[" + finding.ruleId() + "] " + finding.message()}, severity(finding.level()),
                finding.ruleId(), getClass(), VERBATIM);
    }

    static SeverityLevel severity(Level level) {
        return switch (level) {
            case ERROR -> SeverityLevel.ERROR;
            case WARNING -> SeverityLevel.WARNING;
            case NOTE -> SeverityLevel.INFO;
        };
    }
}
