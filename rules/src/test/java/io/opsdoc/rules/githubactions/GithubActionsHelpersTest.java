package io.opsdoc.rules.githubactions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubActionsHelpersTest {
    @Test
    void parsesActionReferences() {
        ActionRef sub = ActionRef.parse("github/codeql-action/init@v2").orElseThrow();
        assertThat(sub.kind()).isEqualTo(ActionRef.Kind.REMOTE);
        assertThat(sub.name()).isEqualTo("github/codeql-action/init");
        assertThat(sub.repository()).isEqualTo("github/codeql-action");
        assertThat(sub.versionTag()).isTrue();
        assertThat(ActionRef.parse("actions/checkout@d5491e7e7124a22dd73fa746ba129c59f9dc6d5d").orElseThrow()
                .pinnedToFullSha()).isTrue();
        assertThat(ActionRef.parse("acme/tool@3f2e1d0").orElseThrow().abbreviatedSha()).isTrue();
        assertThat(ActionRef.parse("acme/tool@release/2.x").orElseThrow().versionTag()).isFalse();
        assertThat(ActionRef.parse("./.github/actions/setup").orElseThrow().kind()).isEqualTo(ActionRef.Kind.LOCAL);
        ActionRef docker = ActionRef.parse("docker://registry:5000/tools/lint:1.2").orElseThrow();
        assertThat(docker.name()).isEqualTo("registry:5000/tools/lint");
        assertThat(docker.ref()).isEqualTo("1.2");
        assertThat(ActionRef.major("v3.6.0")).hasValue(3);
    }

    @Test
    void findsUntrustedContextsInExpressions() {
        assertThat(Expressions.untrustedContext(" github.event.issue.title ")).hasValue("github.event.issue.title");
        assertThat(Expressions.untrustedContext("github.event['pull_request']['head']['ref']"))
                .hasValue("github.event.pull_request.head.ref");
        assertThat(Expressions.untrustedContext("github.event.commits[0].author.name"))
                .hasValue("github.event.commits.*.author.name");
        assertThat(Expressions.untrustedContext("toJSON(GitHub.Head_Ref)")).hasValue("github.head_ref");
        assertThat(Expressions.untrustedContext("github.event.issue.number")).isEmpty();
        assertThat(Expressions.untrustedContext("format('{0}', 'github.event.issue.title')")).isEmpty();
        assertThat(Expressions.find("a ${{ x }} b ${{ 'y}}' }}")).extracting(Expressions.Expression::body)
                .containsExactly(" x ", " 'y}}' ");
    }
}
