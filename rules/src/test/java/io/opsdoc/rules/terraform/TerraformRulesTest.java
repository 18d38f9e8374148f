package io.opsdoc.rules.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleOptions;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Options and details the fixtures cannot show (they run with default options). */
class TerraformRulesTest {

    private static List<Report> run(DocumentRule rule, Map<String, Object> options, String hcl) {
        String markdown = "# Infrastructure as Code\n\n## Database\n\n```hcl\n" + hcl + "```\n";
        MarkdownDocument document = new MarkdownParser().parse(SourceFile.ofText("iac.md", markdown));
        RuleOptions values = new RuleOptions(rule.meta().options(), options);
        List<Report> reports = new ArrayList<>();
        rule.check(new DocumentContext() {
            @Override
            public MarkdownDocument document() {
                return document;
            }

            @Override
            public Optional<DocumentType> type() {
                return Optional.empty();
            }

            @Override
            public DocumentTypes types() {
                return DocumentTypes.builtIn();
            }

            @Override
            public RuleOptions options() {
                return values;
            }

            @Override
            public void report(Report report) {
                reports.add(report);
            }
        });
        return reports;
    }

    @Test
    void minimumDaysIsConfigurable() {
        String hcl = """
                resource "aws_db_instance" "main" {
                  backup_retention_period = 10
                }
                resource "azurerm_postgresql_flexible_server" "crm" {
                  name = "crm"
                }
                """;
        assertThat(run(new BackupRetentionRule(), Map.of(), hcl)).isEmpty();
        List<Report> strict = run(new BackupRetentionRule(), Map.of(BackupRetentionRule.MINIMUM, 14), hcl);
        assertThat(strict).extracting(Report::message).containsExactly(
                "backup_retention_period = 10 keeps aws_db_instance 'main''s backups for 10 days, below the minimum"
                        + " of 14 days; set 14 or more",
                "azurerm_postgresql_flexible_server 'crm' does not set backup_retention_days, so backups are kept"
                        + " for only 7 days (the default), below the minimum of 14 days; set backup_retention_days"
                        + " = 14 or more");
    }

    @Test
    void backendEncryptAndBucketEncryptionAreOptions() {
        String hcl = """
                terraform {
                  backend "s3" {
                    bucket       = "state"
                    key          = "app.tfstate"
                    use_lockfile = true
                  }
                }
                resource "aws_s3_bucket" "plain" {
                  bucket = "plain"
                }
                resource "aws_s3_bucket" "kms" {
                  bucket = "kms"
                }
                resource "aws_s3_bucket_server_side_encryption_configuration" "kms" {
                  bucket = aws_s3_bucket.kms.id
                  rule {
                    apply_server_side_encryption_by_default {
                      sse_algorithm = "aws:kms"
                    }
                  }
                }
                """;
        assertThat(run(new UnencryptedStorageRule(), Map.of(), hcl)).extracting(Report::message)
                .containsExactly("the S3 state backend does not set encrypt, which defaults to false for the state"
                        + " file; add encrypt = true");
        assertThat(run(new UnencryptedStorageRule(), Map.of(UnencryptedStorageRule.BACKEND_OPTION, false,
                UnencryptedStorageRule.BUCKET_OPTION, true), hcl)).extracting(Report::message)
                .containsExactly("aws_s3_bucket 'plain' has no server-side encryption configuration; add an"
                        + " aws_s3_bucket_server_side_encryption_configuration for it");
    }

    @Test
    void allowedPortsAreConfigurableAndPortsAreListedOnce() {
        String hcl = """
                resource "aws_security_group" "ssh" {
                  dynamic "ingress" {
                    for_each = toset([22, 2222])
                    content {
                      from_port   = ingress.value
                      to_port     = ingress.value
                      protocol    = "tcp"
                      cidr_blocks = ["0.0.0.0/0"]
                    }
                  }
                }
                """;
        assertThat(run(new OpenIngressRule(), Map.of(), hcl)).extracting(Report::message).containsExactly(
                "aws_security_group 'ssh' allows ingress from 0.0.0.0/0 to port 22, port 2222; restrict the source"
                        + " to known networks (or a VPN/bastion) and open only 80/443 to the internet");
        assertThat(run(new OpenIngressRule(), Map.of(OpenIngressRule.ALLOWED, List.of("22", "2222")), hcl)).isEmpty();
    }

    @Test
    void refsWithoutDigitsAreBranches() {
        assertThat(UnpinnedVersionRule.pinned("v1.2.3")).isTrue();
        assertThat(UnpinnedVersionRule.pinned("2024.05")).isTrue();
        assertThat(UnpinnedVersionRule.pinned("4f6c2a9")).isTrue();
        assertThat(UnpinnedVersionRule.pinned("deadbeefcafe")).isTrue();
        assertThat(UnpinnedVersionRule.pinned("main")).isFalse();
        assertThat(UnpinnedVersionRule.pinned("develop")).isFalse();
        assertThat(UnpinnedVersionRule.pinned("feature/tls")).isFalse();
    }

    @Test
    void everyHelpHasAHowToFixWithHcl() {
        for (var rule : new TerraformRules().rules()) {
            assertThat(rule.meta().help()).as(rule.meta().id()).contains("**How to fix**").contains("```hcl");
        }
    }
}
