package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Issue 12 items 4, 6, 9 and 12 through the command line: no silent pass, no forged lines, safe report files. */
@Timeout(120)
class HardeningCliTest {
    /** An alert name that tries to end the line and forge a GitHub annotation. */
    private static final String FORGED = "X\n::error file=README.md,line=1::Build passed";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String alertDocument(String alertName) {
        // Written with YAML's escapes: the document itself holds no control character.
        return "# Monitoring\n\n```yaml\ngroups:\n- name: g\n  rules:\n  - alert: \"" + alertName.replace("\n", "\\n")
                .replace("\r", "\\r").replace("\u001b", "\\e").replace("\u0007", "\\a").replace("\u0000", "\\0")
                .replace("\u2028", "\\u2028").replace("\u0085", "\\x85") + "\"\n    expr: up == 0\n```\n";
    }

    // Item 4: no silent pass.

    @Test
    void aPathThatDoesNotExistExitsTwoWithAClearMessage() {
        CliRun run = CliRun.of("check", dir.resolve("nonexistent").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE).isEqualTo(2);
        assertThat(run.err()).contains("opsdoc: error: ", "nonexistent: no such file or directory", "exit code 2");
        assertThat(run.out()).contains("nonexistent: error: no such file or directory");
    }

    @Test
    void oneWrongPathAmongGoodOnesStillFailsTheRun() throws IOException {
        write("docs/plan.md", "# Plan\n\nText.\n");
        CliRun run = CliRun.of("check", dir.resolve("docs").toString(), dir.resolve("dcos").toString(), "--format", "sarif");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("dcos: no such file or directory");
        assertThat(run.out()).contains("\"executionSuccessful\" : false");
    }

    @Test
    void aFolderWithoutMarkdownPassesAndSaysSo() throws IOException {
        write("empty/notes.txt", "not markdown\n");
        CliRun run = CliRun.of("check", dir.resolve("empty").toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("No problems found in 0 files.");
        assertThat(run.err()).contains("no Markdown files (*.md, *.markdown) found");
    }

    @Test
    void aFileThatCannotBeReadExitsTwo() throws IOException {
        Path socket = dir.resolve("socket.md");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CliRun run = CliRun.of("check", socket.toString());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("socket.md: cannot read file").doesNotContain("\tat ");
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no Unix domain sockets here");
        }
    }

    @Test
    void outOfMemoryOnAFileIsExitTwoWithoutAStackTrace() throws Exception {
        StringBuilder text = new StringBuilder("# Monitoring Strategy\n\n");
        String paragraph = "## Alerting\n\nAvailability target 99.9% per month, at most 43.2 minutes of downtime.\n\n"
                + "```yaml\ngroups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n    for: 5m\n```\n\n";
        while (text.length() < 6_000_000) {
            text.append(paragraph);
        }
        Path big = write("plan/monitoring-strategy.md", text.toString());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), "io.opsdoc.cli.Main",
                "check", big.toString(), "--format", "json")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();

        assertThat(code).as(output).isEqualTo(2);
        assertThat(output).contains("out of memory").doesNotContain("\tat ", "Exception in thread");
    }

    // Item 6: text output and standard error never start a forged line.

    @Test
    void aForgedAnnotationInDocumentContentStaysOnItsLineInTextAndGithubFormats() throws IOException {
        Path doc = write("docs/monitoring.md", alertDocument(FORGED + "\u001b[31m\u2028\u0085"));

        CliRun text = CliRun.of("check", doc.toString(), "--fail-on", "none");
        CliRun github = CliRun.of("check", doc.toString(), "--format", "github", "--fail-on", "none");

        assertThat(text.out()).contains("X\\n::error file=README.md,line=1::Build passed\\e[31m\\u2028\\u0085");
        for (CliRun run : List.of(text, github)) {
            assertThat(run.code()).isZero();
            assertThat(lines(run.out() + run.err())).noneMatch(l -> l.startsWith("::error file=README.md"))
                    .allMatch(l -> !l.contains("\u001b") && !l.contains("\u2028") && !l.contains("\u0085"));
        }
        assertThat(github.out()).contains("X%0A::error file=README.md,line=1::Build passed\\e[31m");
        assertThat(lines(github.out())).filteredOn(l -> l.startsWith("::")).allMatch(l -> l.startsWith("::warning file="));
    }

    @Test
    void aForgedAnnotationInAFileNameIsEscapedInTextGithubAndStandardError() throws IOException {
        Path doc = write("docs/a" + FORGED + "\r.md", alertDocument("A"));
        Path missing = dir.resolve("gone" + FORGED);

        CliRun text = CliRun.of("check", doc.toString(), missing.toString());
        CliRun github = CliRun.of("check", doc.toString(), missing.toString(), "--format", "github");

        for (CliRun run : List.of(text, github)) {
            assertThat(run.code()).isEqualTo(2);
            assertThat(lines(run.out())).noneMatch(l -> l.startsWith("::error file=README.md"));
            assertThat(lines(run.err())).noneMatch(l -> l.startsWith("::")).noneMatch(l -> l.contains("\r"));
            assertThat(run.err()).contains("gone" + "X\\n::error file=README.md");
        }
        assertThat(text.out()).contains("aX\\n::error file=README.md,line=1::Build passed\\r.md:");
        assertThat(github.out()).contains("aX%0A%3A%3Aerror file=README.md%2Cline=1%3A%3ABuild passed%0D.md,line=");
    }

    @Test
    void anUnknownOptionWithALineBreakIsEscapedOnStandardError() {
        CliRun run = CliRun.of("check", "--" + FORGED.replace(" ", "_"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(lines(run.err())).noneMatch(l -> l.startsWith("::"));
    }

    // Item 9: one file of a planning folder.

    @Test
    void checkingOneFileOfAPlanningFolderSeesItsSiblings() throws IOException {
        Path planning = copyExamplePlanning();
        CliRun one = CliRun.of("check", planning.resolve("cicd-pipeline.md").toString(), "--format", "json", "--fail-on", "none");
        CliRun all = CliRun.of("check", planning.toString(), "--format", "json", "--fail-on", "none");

        assertThat(one.code()).isZero();
        assertThat(one.out()).doesNotContain("structure/required-document").doesNotContain("deployment-strategy.md\"");
        assertThat(one.out()).contains("\"files\" : 1");
        // The findings in the named file are those of a run over the whole folder.
        assertThat(findingsIn(one.out(), "cicd-pipeline.md")).isEqualTo(findingsIn(all.out(), "cicd-pipeline.md")).isPositive();

        Files.delete(planning.resolve("deployment-strategy.md"));
        CliRun missingSibling = CliRun.of("check", planning.resolve("cicd-pipeline.md").toString(), "--fail-on", "none");
        assertThat(missingSibling.out()).contains("[structure/required-document]", "deployment-strategy");
    }

    // Item 12: report files.

    @Test
    void theReportNeverOverwritesADocumentBeingChecked() throws IOException {
        Path planning = copyExamplePlanning();
        Path doc = planning.resolve("cicd-pipeline.md");
        String before = Files.readString(doc);

        CliRun intoFolderDoc = CliRun.of("check", planning.toString(), "--format", "sarif", "-o", doc.toString());
        CliRun intoNamedDoc = CliRun.of("check", doc.toString(), "-o", doc.toString());
        CliRun baseline = CliRun.of("baseline", planning.toString(), "-o", doc.toString());

        for (CliRun run : List.of(intoFolderDoc, intoNamedDoc, baseline)) {
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("refusing to write the report to").contains("cicd-pipeline.md")
                    .doesNotContain("\tat ");
            assertThat(lines(run.err())).hasSize(1);
        }
        assertThat(Files.readString(doc)).isEqualTo(before);
    }

    @Test
    void theReportNeverOverwritesADocumentBeingCheckedThroughALink() throws IOException {
        Path planning = copyExamplePlanning();
        Path doc = planning.resolve("cicd-pipeline.md");
        String before = Files.readString(doc);
        Path hardLink = Files.createLink(planning.getParent().resolve("hard-link.sarif"), doc);
        Path symbolicLink;
        try {
            symbolicLink = Files.createSymbolicLink(planning.getParent().resolve("link.sarif"), doc);
        } catch (UnsupportedOperationException | IOException e) {
            symbolicLink = null;
        }
        for (Path alias : symbolicLink == null ? List.of(hardLink) : List.of(hardLink, symbolicLink)) {
            CliRun run = CliRun.of("check", planning.toString(), "--format", "sarif", "-o", alias.toString());
            assertThat(run.code()).as(alias.toString()).isEqualTo(2);
            assertThat(run.err()).contains("refusing to write the report to").contains(alias.getFileName().toString());
        }
        assertThat(Files.readString(doc)).isEqualTo(before);
        Path other = planning.getParent().resolve("other.sarif");
        Files.writeString(other, "old report");
        assertThat(CliRun.of("check", planning.toString(), "--format", "sarif", "-o", other.toString()).code())
                .as("an existing report that is no document is replaced").isNotEqualTo(2);
        assertThat(Files.readString(other)).contains("2.1.0");
    }

    @Test
    void anUnwritableReportIsOneClearLine() throws IOException {
        Path doc = write("docs/plan.md", "# Plan\n");
        Path blocker = write("file", "x");

        CliRun underAFile = CliRun.of("check", doc.toString(), "-o", blocker.resolve("out/report.sarif").toString());
        CliRun aFolder = CliRun.of("check", doc.toString(), "-o", dir.resolve("docs").toString());

        for (CliRun run : List.of(underAFile, aFolder)) {
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).startsWith("opsdoc: cannot write the report to ").doesNotContain("\tat ", "Exception");
            assertThat(lines(run.err())).hasSize(1);
        }
    }

    @Test
    void checkstyleXmlCarriesTheVersionEscapesControlsAndKeepsFileNames() throws Exception {
        Path doc = write("docs/Überwachung plan ü.md", alertDocument("X\n\u001b[31m\u0007\u0000"));
        Path report = dir.resolve("out/report.xml");

        CliRun run = CliRun.of("check", doc.toString(), "--format", "checkstyle", "-o", report.toString(), "--fail-on", "none");

        assertThat(run.code()).isZero();
        String xml = Files.readString(report);
        assertThat(xml).doesNotContain("version=\"null\"").doesNotContain("&#x1b;", "&#27;", "&#0;", "&#7;", "\u001b");
        var parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element root = parsed.getDocumentElement();
        assertThat(root.getAttribute("version")).isEqualTo(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        NodeList files = root.getElementsByTagName("file");
        assertThat(((Element) files.item(0)).getAttribute("name")).endsWith("docs/Überwachung plan ü.md");
        NodeList errors = root.getElementsByTagName("error");
        assertThat(errors.getLength()).isPositive();
        assertThat(((Element) errors.item(0)).getAttribute("message")).contains("X\n\\e[31m\\u0007\\u0000");
    }

    private Path copyExamplePlanning() throws IOException {
        Path source = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/planning"))) {
                source = p.resolve("examples/planning");
                break;
            }
        }
        Assumptions.assumeTrue(source != null, "examples/planning not found");
        Path target = Files.createDirectories(dir.resolve("planning"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    private static long findingsIn(String json, String fileSuffix) {
        return lines(json).stream().filter(l -> l.contains("\"file\" :") && l.contains(fileSuffix + "\"")).count();
    }

    private static List<String> lines(String text) {
        return Stream.of(text.split("\r\n|\r|\n")).filter(l -> !l.isEmpty()).toList();
    }
}
