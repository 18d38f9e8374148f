package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.TimedFact;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A disaster-recovery plan with RTO and RPO values must exist. */
public final class DisasterRecoveryRule implements SetRule {
    private static final Pattern RTO_WORD = Pattern.compile("\\bRTO\\b|recovery time objective", Pattern.CASE_INSENSITIVE);
    private static final Pattern RPO_WORD = Pattern.compile("\\bRPO\\b|recovery point objective", Pattern.CASE_INSENSITIVE);
    /** The literal words of the two patterns, each starting with an r. */
    private static final List<String> WORDS = List.of("rto", "rpo", "recovery time objective", "recovery point objective");

    static final Message NO_PLAN = Message.of("no-plan",
            "No disaster-recovery plan: no 'Disaster Recovery' section and no RTO or RPO in the "
                    + "infrastructure, deployment or monitoring plans; add a plan with RTO and RPO values");
    static final Message NO_VALUES = Message.of("no-values",
            "The disaster-recovery plan{0} states no value for {1}; give each as a duration (e.g. RTO: 2 "
                    + "hours, RPO: 15 minutes)");

    private static final String HELP = """
            "A disaster recovery plan exists": the plan says how the service comes back after losing a \
            region, an account or its database, and how long that may take (RTO, recovery time \
            objective) and how much data may be lost (RPO, recovery point objective). Without the two \
            numbers nobody can tell whether the backups and the standby setup are good enough.

            The rule looks in the infrastructure, deployment and monitoring documents for a disaster \
            recovery section (*Disaster Recovery*, *DR Plan*, *Business Continuity*...; option \
            `dr-sections`) and for RTO and RPO stated with a value ("RTO: 1 hour", "| RPO | 15 min |").

            **How to fix**:

            ```markdown
            ## Disaster Recovery

            - **RTO**: 2 hours — rebuild in eu-west-1 from Terraform and restore the latest snapshot
            - **RPO**: 15 minutes — point-in-time recovery of the database
            - Tested twice a year in a game day.
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("criteria/disaster-recovery", Level.WARNING, "No disaster-recovery plan with RTO and RPO",
                HELP, List.of("criteria", "reliability")).withOptions(
                        Vocabulary.get().options("dr-sections", "Headings of a disaster-recovery section")
                                .toArray(io.opsdoc.core.rule.OptionSpec[]::new))
                .appliesTo("infrastructure-as-code", "deployment-strategy", "monitoring-strategy")
                .withMessages(NO_PLAN, NO_VALUES);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        List<TypedDocument> docs = new ArrayList<>();
        // Every plan of these types, also several of one type.
        for (TypedDocument d : context.set().documents()) {
            if (List.of("infrastructure-as-code", "deployment-strategy", "monitoring-strategy").contains(d.type().id())) {
                docs.add(d);
            }
        }
        if (docs.isEmpty()) {
            return;
        }
        // RTO and RPO as the facts read them: prose, a column headed RTO/RPO or a row labelled so.
        // Asked first: a plan that states both needs neither its DR section nor its text searched.
        boolean rto = docs.stream().anyMatch(d -> !DocumentFacts.of(d).timings(TimedFact.RTO).isEmpty());
        boolean rpo = docs.stream().anyMatch(d -> !DocumentFacts.of(d).timings(TimedFact.RPO).isEmpty());
        if (rto && rpo) {
            return;
        }
        List<String> names = Vocabulary.get().effective(context.options(), "dr-sections");
        MarkdownDocument drDoc = null;
        Section drSection = null;
        for (TypedDocument d : docs) {
            List<Section> found = d.document().findSections(names);
            if (!found.isEmpty()) {
                drDoc = d.document();
                drSection = found.get(0);
                break;
            }
        }
        MarkdownDocument target = drDoc != null ? drDoc : docs.get(0).document();
        var anchor = drSection != null ? drSection.heading().range() : Evidence.titleRange(target);
        if (drSection == null && !mentionsRecoveryObjective(docs)) {
            context.report(target, anchor, NO_PLAN);
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!rto) {
            missing.add("RTO (recovery time objective)");
        }
        if (!rpo) {
            missing.add("RPO (recovery point objective)");
        }
        context.report(target, anchor, NO_VALUES, drSection != null ? " in '" + drSection.title().strip() + "'" : "",
                String.join(" and ", missing));
    }

    /** Whether the plans' evidence text names an RTO or RPO at all (with or without a value). */
    private static boolean mentionsRecoveryObjective(List<TypedDocument> docs) {
        // Each word is searched per document: the words hold no line break, so none spans two
        // documents joined by one. A cheap scan rules most long documents out before the patterns.
        for (TypedDocument d : docs) {
            String text = Evidence.text(d.document());
            if (mayMention(text) && (RTO_WORD.matcher(text).find() || RPO_WORD.matcher(text).find())) {
                return true;
            }
        }
        return false;
    }

    /**
     * False only when no word of {@link #RTO_WORD} or {@link #RPO_WORD} can match in {@code text}:
     * each starts with an ASCII r, and "RTO"/"RPO" only between word boundaries (a letter, digit
     * or underscore right before or after rules a boundary out), so "purpose" is no candidate.
     */
    private static boolean mayMention(String text) {
        for (int i = text.indexOf('r'), j = text.indexOf('R'); i >= 0 || j >= 0; ) {
            int at = i < 0 ? j : j < 0 ? i : Math.min(i, j);
            for (String word : WORDS) {
                if (text.regionMatches(true, at, word, 0, word.length())
                        && (word.length() > 3 || !isWordChar(text, at, true) && !isWordChar(text, at + 3, false))) {
                    return true;
                }
            }
            if (at == i) {
                i = text.indexOf('r', i + 1);
            } else {
                j = text.indexOf('R', j + 1);
            }
        }
        return false;
    }

    /** Whether the code point before (or at) {@code at} is a letter, digit or underscore. */
    private static boolean isWordChar(String text, int at, boolean before) {
        if (before ? at <= 0 : at >= text.length()) {
            return false;
        }
        int c = before ? text.codePointBefore(at) : text.codePointAt(at);
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
