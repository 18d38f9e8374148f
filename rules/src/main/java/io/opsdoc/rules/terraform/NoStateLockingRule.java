package io.opsdoc.rules.terraform;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Optional;

/** An S3 state backend that does not lock the state. */
final class NoStateLockingRule implements DocumentRule {
    static final String ID = "terraform/no-state-locking";

    private static final String HELP = """
            Without a lock, two `terraform apply` runs (a pipeline and a laptop, or two pipeline
            jobs) can read the same state, change the same resources and write the state back one
            after the other: the second write silently drops what the first created, and the next
            plan wants to create it again. The S3 backend only locks when it is told how:
            `use_lockfile = true` (an S3 lock file, Terraform 1.10 and later) or `dynamodb_table`
            (a DynamoDB lock table, the older mechanism, now deprecated in favour of the lock
            file). Either counts as locking.

            The rule reads `terraform { backend "s3" { ... } }` and Terragrunt's
            `remote_state { backend = "s3" config = { ... } }`. An empty `backend "s3" {}` is a
            partial configuration completed by `-backend-config` at `terraform init` and is not
            judged; a value that is an expression (`use_lockfile = var.lock`) counts as set.

            **How to fix**: turn on S3 native locking (or name the DynamoDB table on older
            Terraform versions):

            ```hcl
            terraform {
              required_version = ">= 1.10"

              backend "s3" {
                bucket       = "acme-terraform-state"
                key          = "network/prod.tfstate"
                region       = "eu-west-1"
                encrypt      = true
                use_lockfile = true
              }
            }
            ```
            """;

    static final Message NO_LOCKING = Message.of("no-locking",
            "the S3 state backend has neither use_lockfile = true nor dynamodb_table, so concurrent runs can "
                    + "overwrite each other's state; add use_lockfile = true");
    static final Message LOCKFILE_OFF = Message.of("lockfile-off",
            "use_lockfile = false and no dynamodb_table leave the S3 state unlocked, so concurrent runs can "
                    + "overwrite each other's state; set use_lockfile = true");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "S3 state backend without state locking", HELP, List.of("terraform", "reliability", "state"))
            .withMessages(NO_LOCKING, LOCKFILE_OFF);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (S3Backends.Backend backend : S3Backends.find(Terraform.files(context.document()))) {
            if (backend.partial() || locks(backend.get("dynamodb_table"))) {
                continue;
            }
            Optional<S3Backends.Setting> lockfile = backend.get("use_lockfile");
            if (lockfile.isEmpty()) {
                context.report(backend.anchor(), NO_LOCKING);
            } else if (Terraform.isFalse(lockfile.get().value())) {
                context.report(lockfile.get().name(), LOCKFILE_OFF);
            }
        }
    }

    /** A lock table counts when it is named; an empty literal names nothing. */
    private static boolean locks(Optional<S3Backends.Setting> table) {
        return table.filter(t -> !Terraform.isNull(t.value()))
                .filter(t -> Terraform.string(t.value()).map(s -> !s.isBlank()).orElse(true))
                .isPresent();
    }
}
