package io.opsdoc.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.secret.SecretPatterns;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardcodedSecretRuleTest {
    private static final Path INVALID = Path.of("src/test/resources/fixtures/security/hardcoded-secret/invalid.md");

    @Test
    void findingsAreSensitiveAndNeverRepeatTheSecret() throws IOException {
        SourceFile source = SourceFile.of(INVALID.toAbsolutePath(), "invalid.md",
                Files.readString(INVALID, StandardCharsets.UTF_8));
        List<Finding> findings = Linter.withDefaults(RuleRegistry.load(), Path.of("")).lintSources(List.of(source))
                .findings().stream().filter(f -> f.ruleId().equals(HardcodedSecretRule.ID)).toList();
        assertThat(findings).isNotEmpty();
        for (Finding f : findings) {
            String secret = source.text().substring(f.range().start().offset(), f.range().end().offset());
            assertThat(secret).isNotBlank();
            assertThat(f.sensitive()).isTrue();
            assertThat(f.message()).doesNotContain(secret.replace("\"", "").replace("'", ""));
        }
    }

    @Test
    void keyNamesAreReadByTheirLastWords() {
        assertThat(SecretPatterns.secretKind("DB_PASSWORD")).contains("password");
        assertThat(SecretPatterns.secretKind("clientSecret")).contains("secret");
        assertThat(SecretPatterns.secretKind("aws_secret_access_key")).contains("access key");
        assertThat(SecretPatterns.secretKind("apiKey")).contains("API key");
        assertThat(SecretPatterns.secretKind("secretName")).isEmpty();
        assertThat(SecretPatterns.secretKind("existingSecret")).isEmpty();
        assertThat(SecretPatterns.secretKind("password_min_length")).isEmpty();
        assertThat(SecretPatterns.secretKind("secretKeyRef")).isEmpty();
        assertThat(SecretPatterns.secretKind("kms_key_id")).isEmpty();
    }

    @Test
    void referencesPlaceholdersAndFlagsAreNotLiterals() {
        for (String value : List.of("${{ secrets.DB_PASSWORD }}", "{{ .Values.db.password }}", "${DB_PASSWORD}",
                "$DB_PASSWORD", "var.db_password", "vault:secret/data/db#password",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db", "changeme", "<password>", "***",
                "REDACTED", "your-password-here", "true", "3600", "xxxxxxxx")) {
            assertThat(SecretPatterns.literal(value)).as(value).isFalse();
        }
        assertThat(SecretPatterns.literal("Sup3r-S3cret-2024")).isTrue();
    }

    @Test
    void valuesThatOnlyRepeatTheirKeyAreFillerButWeakPasswordsAreNot() {
        assertThat(SecretPatterns.echoesKey("client_secret", "client_secret_value")).isTrue();
        assertThat(SecretPatterns.echoesKey("apiKey", "your-api-key-here")).isTrue();
        assertThat(SecretPatterns.echoesKey("password", "password123")).isFalse();
        assertThat(SecretPatterns.echoesKey("db_password", "s3cr3t-Passw0rd")).isFalse();
    }
}
