package io.opsdoc.rules.terraform;

import io.opsdoc.core.rule.Message;
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

    static final Message TOO_SHORT = Message.of("too-short",
            "{0} = {1} keeps {2}'s backups for {3}, below the minimum of {4} days; set {4} or more");
    static final Message DEFAULT_TOO_SHORT = Message.of("default-too-short",
            "{0} does not set {1}, so backups are kept for only {2} (the default), below the minimum of {3} "
                    + "days; set {1} = {3} or more");
    static final Message DISABLED = Message.of("disabled",
            "{0} = {1} disables automated backups of {2}; keep at least {3} days");
    static final Message SWITCHED_OFF = Message.of("switched-off",
            "{0} = false turns automated backups of {1} off; enable them and keep at least {2} days");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
                    "Database backup retention below the minimum or disabled", HELP,
                    List.of("terraform", "reliability", "backup"))
            .withOptions(MINIMUM_DAYS)
            .withMessages(TOO_SHORT, DEFAULT_TOO_SHORT, DISABLED, SWITCHED_OFF);

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
                    context.report(resource.file().name(setting.attribute()), SWITCHED_OFF, name, resource.display(),
                            minimum);
                }
                continue;
            }
            Optional<Long> days = Terraform.integer(setting.attribute().value());
            if (days.isEmpty()) {
                continue;
            }
            if (days.get() <= 0) {
                context.report(resource.file().name(setting.attribute()), DISABLED, name, days.get(), resource.display(),
                        minimum);
            } else if (days.get() < minimum) {
                context.report(resource.file().name(setting.attribute()), TOO_SHORT, name, days.get(), resource.display(),
                        days(days.get()), minimum);
            }
        }
        if (settings.isEmpty() && row.absentDays().isPresent() && row.absentDays().get() < minimum) {
            int absent = row.absentDays().get();
            context.report(resource.header(), DEFAULT_TOO_SHORT, resource.display(), row.setting(), days(absent), minimum);
        }
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
