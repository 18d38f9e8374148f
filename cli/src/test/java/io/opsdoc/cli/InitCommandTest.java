package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.doctype.RequiredSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    private static final Pattern FINDING_RULE = Pattern.compile("\\[([a-z0-9-]+/[a-z0-9-]+)\\]");
    /** Findings a fresh scaffold may have: it is meant to be filled in. */
    private static final List<String> ALLOWED = List.of("structure/placeholder", "structure/empty-section",
            "structure/unresolved-choice");

    @TempDir
    Path temp;

    @Test
    void createsTheFourDocumentsAndTheyCheckCleanOfStructureAndSyntaxFindings() throws Exception {
        Path planning = temp.resolve("docs/planning");
        CliRun init = CliRun.of("init", planning.toString());
        assertThat(init.code()).isZero();
        for (String name : List.of("cicd-pipeline.md", "infrastructure-as-code.md", "monitoring-strategy.md",
                "deployment-strategy.md")) {
            assertThat(planning.resolve(name)).isRegularFile();
            assertThat(init.out()).contains("created " + planning.resolve(name).normalize().toString().replace('\\', '/'));
        }
        CliRun check = CliRun.of("check", planning.toString(), "--fail-on", "none");
        List<String> bad = new ArrayList<>();
        Matcher m = FINDING_RULE.matcher(check.out());
        while (m.find()) {
            String rule = m.group(1);
            boolean structural = rule.startsWith("structure/") || rule.startsWith("syntax/")
                    || rule.equals("markdown/code-block-language") || rule.equals("markdown/unclosed-code-block")
                    || rule.equals("markdown/heading-increment") || rule.equals("markdown/code-block-unknown-language");
            if (structural && !ALLOWED.contains(rule)) {
                bad.add(rule);
            }
        }
        assertThat(bad).as(check.out()).isEmpty();
    }

    @Test
    void templatesHaveEveryRequiredSectionInCanonicalOrderAndTaggedCodeBlocks() {
        for (DocumentType type : DocumentTypes.builtIn().all()) {
            String template = InitCommand.template(type);
            List<String> headings = new ArrayList<>();
            boolean inCode = false;
            for (String line : template.split("\n")) {
                if (line.strip().startsWith("```")) {
                    if (!inCode) {
                        assertThat(line.strip()).as("opening fence in %s", type.id()).isNotEqualTo("```");
                    }
                    inCode = !inCode;
                } else if (!inCode && line.matches("#{2,3} .*")) {
                    headings.add(line.replaceFirst("#+ ", ""));
                }
            }
            assertThat(headings).as(type.id()).containsExactlyElementsOf(
                    type.sections().stream().map(RequiredSection::title).toList());
            assertThat(template).as("%s has guidance and an example block", type.id()).contains("*").contains("```");
        }
    }

    @Test
    void neverOverwritesAnExistingDocument() throws Exception {
        Path planning = temp.resolve("plans");
        Files.createDirectories(planning);
        Path mine = planning.resolve("monitoring-strategy.md");
        Files.writeString(mine, "# Monitoring Strategy\n\nOur own words.\n", StandardCharsets.UTF_8);
        CliRun init = CliRun.of("init", planning.toString());
        assertThat(init.code()).isZero();
        assertThat(Files.readString(mine, StandardCharsets.UTF_8)).isEqualTo("# Monitoring Strategy\n\nOur own words.\n");
        assertThat(init.out()).contains("skipped " + mine.toString().replace('\\', '/') + ": it already exists")
                .contains("created " + planning.resolve("cicd-pipeline.md").toString().replace('\\', '/'));
        CliRun again = CliRun.of("init", planning.toString());
        assertThat(again.out()).contains("All four documents exist already");
    }

    @Test
    void refusesAFileAsFolder() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.md"), "x\n");
        assertThat(CliRun.of("init", file.toString()).code()).isEqualTo(ExitCodes.USAGE);
    }
}
