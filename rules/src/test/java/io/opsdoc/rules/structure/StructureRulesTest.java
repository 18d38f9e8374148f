package io.opsdoc.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.fix.FixApplier;
import io.opsdoc.core.rule.FileCreation;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scaffolds and the fixes that use them, beyond what the fixtures show. */
class StructureRulesTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.load();
    private static final DocumentTypes TYPES = DocumentTypes.builtIn();
    private static final Path FOLDER = Path.of("plans").toAbsolutePath();

    private static List<Finding> lint(List<SourceFile> sources) {
        return Linter.withDefaults(REGISTRY, Path.of("")).lintSources(sources).findings();
    }

    private static SourceFile file(String name, String text) {
        return SourceFile.of(FOLDER.resolve(name), "plans/" + name, text);
    }

    @Test
    void scaffoldedPlanningSetPassesStructureMarkdownSyntaxAndSecurityRules() {
        List<SourceFile> sources = new ArrayList<>();
        for (String id : DocumentTypes.BUILT_IN) {
            DocumentType type = TYPES.get(id).orElseThrow();
            sources.add(file(type.fileName(), Scaffolds.document(type)));
        }
        List<Finding> findings = lint(sources).stream()
                .filter(f -> f.ruleId().startsWith("structure/") || f.ruleId().startsWith("markdown/")
                        || f.ruleId().startsWith("syntax/") || f.ruleId().startsWith("security/"))
                .toList();
        assertThat(findings).isEmpty();
    }

    @Test
    void scaffoldNestsSubSectionsAndCarriesGuidanceAndMarker() {
        String text = Scaffolds.document(TYPES.get("infrastructure-as-code").orElseThrow());
        assertThat(text).startsWith("# Infrastructure as Code\n")
                .contains("## Infrastructure Components\n\nDescribe each component")
                .contains("### Networking\n\n")
                .contains("### Load Balancer\n\n")
                .contains(Scaffolds.FILL_IN_MARKER);
        assertThat(text.indexOf("### Load Balancer")).isLessThan(text.indexOf("## Environment Management"));
    }

    @Test
    void missingDocumentFixCreatesTheScaffoldInTheSetFolder() {
        DocumentType cicd = TYPES.get("cicd-pipeline").orElseThrow();
        List<Finding> findings = lint(List.of(file("cicd-pipeline.md", Scaffolds.document(cicd)))).stream()
                .filter(f -> f.ruleId().equals("structure/required-document")).toList();
        assertThat(findings).hasSize(3);
        assertThat(findings).allSatisfy(f -> assertThat(f.file()).isEqualTo("plans/cicd-pipeline.md"));
        FileCreation creation = findings.stream().filter(f -> f.message().contains("monitoring-strategy"))
                .findFirst().orElseThrow().fix().orElseThrow().creations().get(0);
        assertThat(creation.path()).isEqualTo(FOLDER.resolve("monitoring-strategy.md"));
        assertThat(creation.content()).isEqualTo(Scaffolds.document(TYPES.get("monitoring-strategy").orElseThrow()));
    }

    @Test
    void missingSubSectionGoesInsideItsParentAtTheNextLevel() {
        String text = """
                # Infrastructure as Code

                ## IaC Overview

                Terraform on AWS.

                ## Infrastructure Components

                ### Networking

                One VPC.

                ### Load Balancer

                An ALB.

                ## Environment Management

                Dev, staging, prod.

                ## State Management

                S3 with locking.

                ## Deployment Process

                Plan, review, apply.
                """;
        String fixed = fixAll(file("infrastructure-as-code.md", text));
        assertThat(fixed).contains("""
                One VPC.

                ### Compute Resources

                Define the compute layer (cluster, node groups, instances) in code.

                <!-- opsdoc: fill in -->

                ### Database

                Define the databases with encryption, backups and retention in code.

                <!-- opsdoc: fill in -->

                ### Load Balancer
                """);
        assertThat(lint(List.of(file("infrastructure-as-code.md", fixed))))
                .noneMatch(f -> f.ruleId().equals("structure/required-section"));
    }

    @Test
    void missingParentBringsItsMissingSubSectionsInOneFix() {
        String text = """
                # Infrastructure as Code

                ## Overview

                Terraform on AWS.

                ## Environments

                Dev, staging, prod.

                ## State Management

                S3 with locking.

                ## Deployment Process

                Plan, review, apply.
                """;
        SourceFile source = file("infrastructure-as-code.md", text);
        List<Finding> findings = lint(List.of(source)).stream()
                .filter(f -> f.ruleId().equals("structure/required-section")).toList();
        assertThat(findings).hasSize(5);
        assertThat(findings.stream().filter(f -> f.fix().isPresent())).hasSize(1);
        String fixed = FixApplier.apply(source, findings).text();
        assertThat(fixed).contains("Terraform on AWS.\n\n## Infrastructure Components\n\n")
                .contains("<!-- opsdoc: fill in -->\n\n### Networking\n\n")
                .contains("### Load Balancer\n\nDefine the load balancer, its listeners (TLS policy) and health checks in code."
                        + "\n\n<!-- opsdoc: fill in -->\n\n## Environments");
        assertThat(lint(List.of(file("infrastructure-as-code.md", fixed))))
                .noneMatch(f -> f.ruleId().equals("structure/required-section") || f.ruleId().equals("structure/empty-section"));
    }

    @Test
    void sectionsMissingAtTheEndOfAFileWithoutNewlineAreAppendedAfterABlankLine() {
        String text = "# Monitoring Strategy\n\n## Monitoring Overview\n\nPrometheus.";
        String fixed = fixAll(file("monitoring-strategy.md", text));
        assertThat(fixed).startsWith("# Monitoring Strategy\n\n## Monitoring Overview\n\nPrometheus.\n\n## Metrics Collection\n\n");
        assertThat(fixed.indexOf("## Dashboards")).isLessThan(fixed.indexOf("## Alerting"));
        assertThat(fixed.indexOf("## Alerting")).isLessThan(fixed.indexOf("## Health Checks"));
        assertThat(fixed).endsWith("<!-- opsdoc: fill in -->\n").doesNotContain("\n\n\n");
    }

    /** Applies required-section fixes round by round, as {@code opsdoc fix} does. */
    private static String fixAll(SourceFile source) {
        SourceFile current = source;
        for (int round = 0; round < 10; round++) {
            List<Finding> findings = lint(List.of(current)).stream()
                    .filter(f -> f.ruleId().equals("structure/required-section")).toList();
            FixApplier.Applied applied = FixApplier.apply(current, findings);
            if (!applied.changed()) {
                break;
            }
            current = SourceFile.of(current.path(), current.displayPath(), applied.text());
        }
        return current.text();
    }

    @Test
    void noFixIsOfferedWhereTheScaffoldWouldLandInsideAnUnclosedFence() {
        String text = "# Deployment Strategy\n\n## Deployment Strategy Overview\n\nRolling updates.\n\n"
                + "## Deployment Schedule\n\nWeekdays only.\n\n```yaml\nwindow: weekdays\n";
        List<Finding> findings = lint(List.of(file("deployment-strategy.md", text))).stream()
                .filter(f -> f.ruleId().equals("structure/required-section")).toList();
        assertThat(findings).isNotEmpty();
        assertThat(findings).filteredOn(f -> f.message().contains("Post-Mortem Process")).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEmpty());
    }
}
