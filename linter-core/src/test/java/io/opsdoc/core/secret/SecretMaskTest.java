package io.opsdoc.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.rule.Report;
import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class SecretMaskTest {
    @Test
    void masksQuotedSecretsAndKeepsTheRestOfTheMessage() {
        assertThat(SecretMask.mask("route receiver 'https://hooks.slack.com/services/T000/B000/XXXX' is not defined"))
                .isEqualTo("route receiver 'https://hooks.slack.com/***' is not defined");
        assertThat(SecretMask.mask("'foo/bar@ghp_4kQm8Zt2VnYx5LwR0cJ4bHs7KdMpE9fA1gUo' follows a moving ref"))
                .isEqualTo("'foo/bar@***' follows a moving ref");
        assertThat(SecretMask.mask("image 'app' uses postgres://app:pR0d-Pa55w0rd@db.prod.internal/app"))
                .isEqualTo("image 'app' uses postgres://app:***@db.prod.internal/app");
        assertThat(SecretMask.mask("login: password=hunter2")).isEqualTo("login: password=***");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        for (String text : new String[] {"the password is stored in Vault", "password: see 1Password",
                "Non-secret configuration lives in Git", "add a secret named DEPLOY_TOKEN in the repository settings",
                "API key: 32-character hex string", "'actions/checkout@v4' follows the moving ref 'v4'"}) {
            assertThat(SecretMask.mask(text)).as(text).isEqualTo(text);
            assertThat(SecretMask.containsSecret(text)).as(text).isFalse();
        }
    }

    @Test
    void aFindingOnALineHoldingASecretBecomesSensitive() {
        SourceFile source = SourceFile.ofText("plan.md", "# Plan\n\nThe admin password: hunter2\n\nNothing here.\n");
        Report onSecretLine = SecretMask.guard(Report.of(source.lineRange(3), "prose style"), source);
        Report elsewhere = SecretMask.guard(Report.of(source.lineRange(5), "prose style"), source);
        assertThat(onSecretLine.sensitive()).isTrue();
        assertThat(elsewhere.sensitive()).isFalse();
    }
}
