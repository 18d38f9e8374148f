package io.opsdoc.rules.terraform;

import io.opsdoc.core.rule.Message;
import io.opsdoc.rules.DataTables;
import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A database or load balancer whose deletion protection is literally switched off. */
final class DeletionProtectionRule implements DocumentRule {
    static final String ID = "terraform/deletion-protection";

    private static final String HELP = """
            Deletion protection makes the cloud API refuse to delete a database or load balancer
            until the flag is turned off in a separate, reviewed change. Without it, a renamed
            resource, a wrong workspace or a `terraform destroy` in the wrong terminal deletes
            production data or takes the entry point offline in one step.

            The rule fires only on a literal `false` (`deletion_protection = false` on RDS, Aurora,
            DocumentDB, Neptune, Cloud SQL, Spanner and Bigtable; `deletion_protection_enabled =
            false` on DynamoDB; `enable_deletion_protection = false` on `aws_lb`/`aws_alb`). An
            absent argument is not reported by this rule, and an expression such as
            `deletion_protection = var.environment == "production"` is a deliberate per-environment
            choice and is not reported either.

            **How to fix**: protect production resources, for example per environment:

            ```hcl
            resource "aws_db_instance" "ledger" {
              identifier          = "ledger-${var.environment}"
              engine              = "postgres"
              instance_class      = "db.r6g.large"
              deletion_protection = var.environment == "production"
            }

            resource "aws_lb" "public" {
              name                       = "web-prod"
              load_balancer_type         = "application"
              enable_deletion_protection = true
            }
            ```
            """;

    static final Message DISABLED = Message.of("disabled",
            "{0} = false lets a destroy or replacement delete {1} without a second step; set it to true (at "
                    + "least in production)");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Database or load balancer with deletion protection switched off", HELP,
            List.of("terraform", "reliability"))
            .withMessages(DISABLED);

    private static final class Table {
        static final Map<String, String> ATTRIBUTES = DataTables.read(DeletionProtectionRule.class, "deletion-protection.tsv", 2).stream()
                .collect(Collectors.toUnmodifiableMap(r -> r.get(0), r -> r.get(1)));
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        List<Terraform.File> files = Terraform.files(context.document());
        for (Terraform.Resource resource : Terraform.resources(files, Table.ATTRIBUTES.keySet())) {
            String name = Table.ATTRIBUTES.get(resource.type());
            resource.body().attribute(name).filter(a -> Terraform.isFalse(a.value())).ifPresent(a ->
                    context.report(resource.file().name(a), DISABLED, name, resource.display()));
        }
    }
}
