package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.TermFact;
import io.opsdoc.core.facts.Terms;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Backups need a schedule/retention and a restore procedure. */
public final class BackupRecoveryRule implements SetRule {
    static final Message NO_SCHEDULE = Message.of("no-schedule",
            "No backup schedule or retention found in {0} or the other plans (no backup_retention_period, "
                    + "backup plan or stated schedule); state how often data is backed up and how long backups are kept");
    static final Message NO_RESTORE = Message.of("no-restore",
            "No restore procedure found in {0} or the other plans; describe how a backup is restored, with "
                    + "the commands");

    private static final String HELP = """
            "Backup and recovery procedures are defined": data is backed up on a schedule with a stated \
            retention, and the plan says how a restore is done. A backup nobody knows how to restore is \
            not a recovery procedure.

            The rule reads the infrastructure and deployment documents: database resources in HCL \
            (`backup_retention_period`, `backup_window`, `aws_backup_plan`, `point_in_time_recovery`...) \
            and text about the backup schedule and retention (option `backup-schedule`), and a restore \
            procedure — restore commands (`pg_restore`, `aws rds restore-db-instance-to-point-in-time`, \
            `velero restore`) or a described restore (option `restore-procedure`).

            **How to fix**: in the *Database* section, state schedule, retention and the restore steps:

            ```bash
            aws rds restore-db-instance-to-point-in-time \\
              --source-db-instance-identifier shop-prod --target-db-instance-identifier shop-prod-restore \\
              --restore-time 2025-03-01T09:00:00Z
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("backup-schedule", "Words and attributes that state a backup schedule or retention"));
        options.addAll(Vocabulary.get().options("restore-procedure", "Words and commands of a restore procedure"));
        return RuleMeta.of("criteria/backup-recovery", Level.WARNING,
                "No backup schedule/retention or no restore procedure", HELP, List.of("criteria", "reliability"))
                .withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code", "deployment-strategy")
                .withMessages(NO_SCHEDULE, NO_RESTORE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> iac = context.set().document(DocumentFacts.IAC);
        Optional<TypedDocument> deploy = context.set().document(DocumentFacts.DEPLOYMENT);
        if (iac.isEmpty() && deploy.isEmpty()) {
            return;
        }
        StringBuilder haystack = new StringBuilder();
        iac.ifPresent(d -> haystack.append(Evidence.text(d.document())).append('\n'));
        deploy.ifPresent(d -> haystack.append(Evidence.text(d.document())).append('\n'));
        MarkdownDocument doc;
        Range anchor;
        String where;
        if (iac.isPresent()) {
            doc = iac.get().document();
            Optional<Section> database = Focus.of(iac.get(), "Database").section();
            anchor = Evidence.anchor(doc, database);
            where = Evidence.where(database, "Database");
        } else {
            doc = deploy.get().document();
            anchor = Evidence.titleRange(doc);
            where = "the deployment plan";
        }
        Vocabulary v = Vocabulary.get();
        // Backups are the plans' backup facts (`opsdoc facts`), read once per document.
        List<DocumentFacts> plans = new ArrayList<>();
        iac.ifPresent(d -> plans.add(DocumentFacts.of(d)));
        deploy.ifPresent(d -> plans.add(DocumentFacts.of(d)));
        if (!Terms.mentions(plans, TermFact.BACKUP, v.effective(context.options(), "backup-schedule"))) {
            context.report(doc, anchor, NO_SCHEDULE, where);
        }
        if (!Vocabulary.contains(haystack, v.effective(context.options(), "restore-procedure"))) {
            context.report(doc, anchor, NO_RESTORE, where);
        }
    }
}
