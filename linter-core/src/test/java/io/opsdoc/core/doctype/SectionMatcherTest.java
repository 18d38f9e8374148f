package io.opsdoc.core.doctype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionMatcherTest {
    @Test
    void forgivingMatchesFromTheSpec() {
        assertThat(SectionMatcher.matches("SLIs, SLOs and SLAs", List.of("SLIs, SLOs, SLAs"))).isTrue();
        assertThat(SectionMatcher.matches("4. Load Balancer (ALB)", List.of("Load Balancer"))).isTrue();
        assertThat(SectionMatcher.matches("Rollback Plan", List.of("Rollback Procedures", "Rollback Plan"))).isTrue();
        assertThat(SectionMatcher.matches("🔐 Environment Variables and Secrets", List.of("Environment Variables & Secrets"))).isTrue();
        assertThat(SectionMatcher.matches("Step 3: Pipeline Stages", List.of("Pipeline Stages"))).isTrue();
        assertThat(SectionMatcher.matches("Post Mortem Process", List.of("Post-Mortem Process"))).isFalse();
        assertThat(SectionMatcher.matches("Postmortem Process", List.of("Post-Mortem Process"))).isTrue();
        assertThat(SectionMatcher.matches("Alerting - PagerDuty routing", List.of("Alerting"))).isTrue();
    }

    @Test
    void doesNotMatchDifferentSections() {
        assertThat(SectionMatcher.matches("Deployment Strategies", List.of("Deployment Strategy Overview"))).isFalse();
        assertThat(SectionMatcher.matches("Database Migrations", List.of("Database"))).isFalse();
        assertThat(SectionMatcher.matches("Alerting Philosophy", List.of("Alerting"))).isFalse();
    }

    @Test
    void builtInTypesLoad() {
        DocumentTypes types = DocumentTypes.builtIn();
        assertThat(types.all()).extracting(DocumentType::id).containsExactlyElementsOf(DocumentTypes.BUILT_IN);
        assertThat(types.byFileName("monitoring-strategy.md")).isPresent();
        assertThat(types.get("infrastructure-as-code").orElseThrow().section("Networking").orElseThrow().parent())
                .contains("Infrastructure Components");
    }
}
