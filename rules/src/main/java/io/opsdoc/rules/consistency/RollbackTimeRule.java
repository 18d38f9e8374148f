package io.opsdoc.rules.consistency;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.TimedFact;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.List;

/** A stated rollback time that the documented rollout automation cannot meet. */
final class RollbackTimeRule implements SetRule {
    static final String ID = "consistency/rollback-time";


    private static final String HELP = """
            A rollback promise ("rollback completes within 5 minutes", "RTO for rollback: 2 min") has
            to fit the automation that performs it. Kubernetes only declares a rollout failed after
            `progressDeadlineSeconds`; `kubectl rollout status --timeout=15m` and `helm upgrade --wait
            --timeout 10m` keep the pipeline waiting that long before the rollback step even starts;
            an Argo Rollouts canary pauses for the sum of its `pause` steps. A stated rollback time
            shorter than that is a promise the tooling cannot keep.

            The rule reads the stated time from the *Rollback Procedures* section of the deployment
            document, and from lines labelled as a rollback time anywhere in it (`**Rollback Time**: < 5
            minutes`, a `| Time to roll back | 3 min |` row). In the rollback section it reads a sentence, list item or table row about rollback, revert or RTO that gives a
            duration ("within 5 minutes", "RTO: 2 min", "< 3 minutes"). Durations after *after*,
            *for*, *every* or *longer than* are trigger conditions ("error rate above 5% for 2
            minutes") and are not read as the rollback time. The automation is read from the YAML and
            shell blocks of every document of the planning set: `progressDeadlineSeconds` of
            Deployments and Argo Rollouts, the sum of `pause: {duration: ...}` steps of a Rollout's
            canary, and `--timeout` of `kubectl` and `helm` commands (also inside workflow `run:`
            scripts). Only explicit values count: the Kubernetes default of 600 seconds is not assumed
            when a manifest omits the field, because a document's snippet is rarely the whole manifest.

            **How to fix**: state a rollback time the automation can meet, or shorten the deadlines:

            ```yaml
            spec:
              progressDeadlineSeconds: 180   # rollback starts at most 3 minutes after a stuck rollout
            ```

            ```markdown
            Automatic rollback completes within 5 minutes (3 minute progress deadline + 2 minutes to
            roll back and become ready).
            ```
            """;

    static final Message SHORTER_THAN_AUTOMATION = Message.of("shorter-than-automation",
            "Rollback is stated to take {0} but {1} lets the automation take {2}; state at least {2} or "
                    + "shorten the deadline");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Stated rollback time is shorter than the automated rollback can take", HELP,
            List.of("consistency", "deployment"))
            .appliesTo(DocumentFacts.DEPLOYMENT)
            .withMessages(SHORTER_THAN_AUTOMATION);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        List<DocumentFacts> all = DocumentFacts.of(context.set());
        TimedFact longest = null;
        DocumentFacts longestDoc = null;
        for (DocumentFacts facts : all) {
            for (TimedFact limit : facts.timings(TimedFact.AUTOMATION_LIMIT)) {
                if (longest == null || limit.seconds() > longest.seconds()) {
                    longest = limit;
                    longestDoc = facts;
                }
            }
        }
        if (longest == null) {
            return;
        }
        for (DocumentFacts facts : all) {
            if (!facts.type().equals(DocumentFacts.DEPLOYMENT)) {
                continue;
            }
            for (TimedFact stated : facts.timings(TimedFact.ROLLBACK_TIME)) {
                if (stated.seconds() + 1e-6 < longest.seconds()) {
                    context.report(facts.document(), Report.of(stated.range(), SHORTER_THAN_AUTOMATION, stated.written(),
                            longest.label(), Durations.format(longest.seconds()))
                            .withRelated(List.of(new Location(longestDoc.path(), longest.range(), longest.label()))));
                }
            }
        }
    }
}
