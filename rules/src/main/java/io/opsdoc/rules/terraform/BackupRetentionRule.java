package io.opsdoc.rules.terraform;

import io.opsdoc.rules.DataTables;
import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Optional;

/** Database backups kept for less than the minimum, or switched off. */
final class BackupRetentionRule implements DocumentRule {
    static final String ID = "terraform/backup-retention";
    static final String MINIMUM = "minimum-days";
    static final int DEFAULT_MINIMUM = 7;
    static final OptionSpec<Integer> MINIMUM_DAYS = OptionSpec.integer(MINIMUM, DEFAULT_MINIMUM,
            "Fewest days of automated backups a database must keep").validatedBy(days -> days >= 1, "at least 1");

    private static final String HELP = """
            Automated backups are the last line of defence against a bad migration, a deleted
            table or ransomware, and problems are often noticed days later: a retention of one or
            two days means the last good backup is gone before anyone looks. The rule reports a
            retention below the minimum (option `minimum-days`, default 7) and backups that are
            switched off (`backup_retention_period = 0`, `backup_configuration { enabled = false }`).

            An absent setting is judged by the provider's default: RDS, Aurora, DocumentDB and
            Neptune keep backups for **1 day** when `backup_retention_period` is not set (the RDS
            API default; the console's 7 days does not apply to Terraform, and the Terraform
            `aws_db_instance` page even says 0), so an RDS database without the argument is
            reported. Azure flexible servers and SQL databases default to 7 days, which meets the
            default minimum. Read replicas (`replicate_source_db`) and Aurora instances
            (`engine = "aurora-..."`) take their retention from the source or the cluster and are
            skipped. A value that is an expression (`var.backup_days`, a conditional) is not judged.

            **How to fix**: keep at least a week of automated backups (35 days is the RDS maximum),
            and keep longer-term copies with AWS Backup or snapshots copied to another account:

            ```hcl
            resource "aws_rds_cluster" "orders" {
              cluster_identifier      = "orders-prod"
              engine                  = "aurora-postgresql"
              backup_retention_period = 14
              preferred_backup_window = "02:00-03:00"
              copy_tags_to_snapshot   = true
            }
            ```
            """;

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
                    "Database backup retention below the minimum or disabled", HELP,
                    List.of("terraform", "reliability", "backup"))
            .withOptions(MINIMUM_DAYS);

    /** One row of {@code backup-retention.tsv}; {@code absentDays} is empty when absence is not judged. */
    private record Retention(String type, String setting, boolean switchOnly, Optional<Integer> absentDays,
                             String exemptions) {
    }

    private static final class Table {
        static final List<Retention> ROWS = DataTables.read(BackupRetentionRule.class, "backup-retention.tsv", 5).stream()
                .map(r -> new Retention(r.get(0), r.get(1), r.get(2).equals("switch"),
                        r.get(3).equals("-") ? Optional.empty() : Optional.of(Integer.parseInt(r.get(3))), r.get(4)))
                .toList();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        List<Terraform.File> files = Terraform.files(context.document());
        if (files.isEmpty()) {
            return;
        }
        int minimum = context.options().get(MINIMUM_DAYS);
        for (Terraform.Resource resource : Terraform.resources(files)) {
            for (Retention row : Table.ROWS) {
                if (row.type().equals(resource.type()) && !Terraform.exempt(resource.body(), row.exemptions())) {
                    check(context, resource, row, minimum);
                }
            }
        }
    }

    private static void check(DocumentContext context, Terraform.Resource resource, Retention row, int minimum) {
        List<Terraform.Setting> settings = Terraform.settings(resource.body(), row.setting());
        for (Terraform.Setting setting : settings) {
            String name = setting.attribute().name();
            if (row.switchOnly()) {
                if (Terraform.isFalse(setting.attribute().value())) {
                    context.report(resource.file().name(setting.attribute()), name + " = false turns automated"
                            + " backups of " + resource.display() + " off; enable them and keep at least "
                            + minimum + " days");
                }
                continue;
            }
            Optional<Long> days = Terraform.integer(setting.attribute().value());
            if (days.isEmpty()) {
                continue;
            }
            if (days.get() <= 0) {
                context.report(resource.file().name(setting.attribute()), name + " = " + days.get()
                        + " disables automated backups of " + resource.display() + "; keep at least "
                        + minimum + " days");
            } else if (days.get() < minimum) {
                context.report(resource.file().name(setting.attribute()), name + " = " + days.get() + " keeps "
                        + resource.display() + "'s backups for " + days(days.get()) + ", below the minimum of "
                        + minimum + " days; set " + minimum + " or more");
            }
        }
        if (settings.isEmpty() && row.absentDays().isPresent() && row.absentDays().get() < minimum) {
            int absent = row.absentDays().get();
            context.report(resource.header(), resource.display() + " does not set " + row.setting()
                    + ", so backups are kept for only " + days(absent) + " (the default), below the minimum of "
                    + minimum + " days; set " + row.setting() + " = " + minimum + " or more");
        }
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
