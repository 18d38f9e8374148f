package io.opsdoc.checkstyle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.DefaultConfiguration;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.SeverityLevel;
import io.opsdoc.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Checkstyle's Checker with {@link OpsdocCheck} on a copy of examples/planning and compares with the CLI. */
class OpsdocCheckTest {
    @TempDir
    Path dir;

    @BeforeEach
    void copyPlanningSet() throws IOException {
        Path examples = repositoryRoot().resolve("examples/planning");
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        // A file that is not Markdown: Checkstyle must not hand it to the check.
        Files.writeString(dir.resolve("notes.txt"), "uses: actions/checkout@main\n");
    }

    @Test
    void reportsTheSameFindingsAsTheCommandLine() throws Exception {
        List<String> checkstyle = new ArrayList<>();
        int errors = runChecker(checkstyle, new DefaultConfiguration(OpsdocCheck.class.getName()));

        List<String> cli = new ArrayList<>();
        JsonNode report = cliJson(dir.toString());
        for (JsonNode finding : report.get("findings")) {
            if (!finding.get("suppressed").asBoolean()) {
                cli.add(dir.resolve(finding.get("file").asText()).normalize().getFileName() + ":" + finding.get("line").asInt()
                        + ":" + finding.get("column").asInt() + " " + finding.get("level").asText() + " "
                        + finding.get("ruleId").asText());
            }
        }
        assertThat(cli).isNotEmpty();
        assertThat(checkstyle).containsExactlyInAnyOrderElementsOf(cli);
        assertThat(errors).as("Checker counts opsdoc errors only").isEqualTo(report.get("summary").get("errors").asInt());
    }

    @Test
    void planningSetRulesSeeTheWholeFolder() throws Exception {
        Files.delete(dir.resolve("monitoring-strategy.md"));
        List<String> checkstyle = new ArrayList<>();
        runChecker(checkstyle, new DefaultConfiguration(OpsdocCheck.class.getName()));
        // The missing document is reported against the set, exactly as the CLI does.
        List<String> cli = new ArrayList<>();
        for (JsonNode finding : cliJson(dir.toString()).get("findings")) {
            cli.add(finding.get("ruleId").asText());
        }
        assertThat(checkstyle).extracting(s -> s.substring(s.lastIndexOf(' ') + 1))
                .containsExactlyInAnyOrderElementsOf(cli)
                .contains("structure/required-document");
    }

    @Test
    void mapsOpsdocLevelsToCheckstyleSeverities() {
        assertThat(OpsdocCheck.severity(io.opsdoc.core.Level.ERROR)).isEqualTo(SeverityLevel.ERROR);
        assertThat(OpsdocCheck.severity(io.opsdoc.core.Level.WARNING)).isEqualTo(SeverityLevel.WARNING);
        assertThat(OpsdocCheck.severity(io.opsdoc.core.Level.NOTE)).isEqualTo(SeverityLevel.INFO);
    }

    @Test
    void readsAnExplicitConfigurationFile() throws Exception {
        Files.writeString(dir.resolve("opsdoc-ci.yml"), "rules:\n  github-actions/unpinned-action: off\n");
        DefaultConfiguration module = new DefaultConfiguration(OpsdocCheck.class.getName());
        module.addProperty("config", dir.resolve("opsdoc-ci.yml").toString());
        List<String> withConfig = new ArrayList<>();
        runChecker(withConfig, module);
        List<String> without = new ArrayList<>();
        runChecker(without, new DefaultConfiguration(OpsdocCheck.class.getName()));
        assertThat(without).anyMatch(s -> s.endsWith("github-actions/unpinned-action"));
        assertThat(withConfig).noneMatch(s -> s.endsWith("github-actions/unpinned-action"));
    }

    private int runChecker(List<String> sink, DefaultConfiguration module) throws Exception {
        module.addProperty("workingDirectory", dir.toString());
        DefaultConfiguration root = new DefaultConfiguration("Checker");
        root.addChild(module);
        Checker checker = new Checker();
        checker.setModuleClassLoader(OpsdocCheck.class.getClassLoader());
        checker.configure(root);
        checker.addListener(new Collector(sink));
        List<File> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(Path::toFile).sorted().toList();
        }
        try {
            return checker.process(files);
        } finally {
            checker.destroy();
        }
    }

    private JsonNode cliJson(String path) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", path, "--format", "json", "--fail-on", "none"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/planning"))) {
                return p;
            }
        }
        throw new IllegalStateException("examples/planning not found above " + Path.of("").toAbsolutePath());
    }

    /** Records {@code file:line:col level rule} for every violation. */
    private record Collector(List<String> sink) implements AuditListener {
        @Override
        public void addError(AuditEvent event) {
            sink.add(Path.of(event.getFileName()).getFileName() + ":" + event.getLine() + ":" + event.getColumn() + " "
                    + level(event.getSeverityLevel()) + " " + event.getModuleId());
        }

        private static String level(SeverityLevel severity) {
            return severity == SeverityLevel.INFO ? "note" : severity.getName().toLowerCase(Locale.ROOT);
        }

        @Override
        public void auditStarted(AuditEvent event) {
        }

        @Override
        public void auditFinished(AuditEvent event) {
        }

        @Override
        public void fileStarted(AuditEvent event) {
        }

        @Override
        public void fileFinished(AuditEvent event) {
        }

        @Override
        public void addException(AuditEvent event, Throwable throwable) {
            throw new AssertionError("Checkstyle reported an exception for " + event.getFileName(), throwable);
        }
    }
}
