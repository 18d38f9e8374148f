package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.doctype.RequiredSection;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    @Test
    void requiredSectionListsEverySectionOfEveryBuiltInType() {
        CliRun run = CliRun.of("explain", "structure/required-section");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        for (DocumentType type : DocumentTypes.builtIn().all()) {
            assertThat(run.out()).contains(type.id() + " (" + type.fileName());
            for (RequiredSection section : type.sections()) {
                assertThat(run.out()).contains("- " + section.title());
            }
        }
        assertThat(run.out()).contains("- Networking, inside Infrastructure Components");
    }

    @Test
    void requiredDocumentListsTheDocumentsOfASet() {
        CliRun run = CliRun.of("explain", "structure/required-document");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        DocumentTypes.builtIn().all().forEach(type -> assertThat(run.out()).contains(type.fileName()));
    }

    @Test
    void otherRulesCarryNoListing() {
        CliRun run = CliRun.of("explain", "structure/placeholder");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("Required sections per document type");
    }

    @Test
    void explainListsMessageIdsScopeAndTypedOptions() {
        CliRun run = CliRun.of("explain", "terraform/backup-retention");
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Applies to: any document")
                .contains("Messages (the messageId of its findings in JSON and SARIF reports):")
                .contains("  too-short: {0} = {1} keeps {2}'s backups for {3}")
                .contains("minimum-days (integer, default: 7, at least 1)");
        assertThat(CliRun.of("explain", "criteria/key-metrics").out()).contains("Applies to: monitoring-strategy");
        assertThat(CliRun.of("explain", "structure/required-section").out()).contains("Applies to: any typed document");
    }
}
