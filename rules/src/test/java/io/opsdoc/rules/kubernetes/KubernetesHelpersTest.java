package io.opsdoc.rules.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubernetesHelpersTest {
    @Test
    void judgesImageReferences() {
        assertThat(LatestTagRule.problem("nginx")).isPresent();
        assertThat(LatestTagRule.problem("nginx:latest")).isPresent();
        assertThat(LatestTagRule.problem("registry:5000/app")).isPresent();
        assertThat(LatestTagRule.problem("registry:5000/app:1.2.3")).isEmpty();
        assertThat(LatestTagRule.problem("ghcr.io/acme/app@sha256:abc")).isEmpty();
        assertThat(LatestTagRule.problem("ghcr.io/acme/app:${TAG}")).isEmpty();
    }
}
