package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.Blocks;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.ProseSegment;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rollback must be documented with concrete commands and be stated to be tested. */
public final class RollbackRule implements SetRule {
    private static final Pattern ROLLBACK_WORD = Pattern.compile("\\broll(?:ing)?[ -]?backs?\\b", Pattern.CASE_INSENSITIVE);

    static final Message NO_PROCEDURE = Message.of("no-procedure",
            "No rollback procedure: the document has no 'Rollback Procedures' section; add one with the "
                    + "rollback commands and how often the procedure is rehearsed");
    static final Message NO_COMMANDS = Message.of("no-commands",
            "The rollback procedure in '{0}' has no concrete commands (no shell block, no `kubectl rollout "
                    + "undo`, `helm rollback` or `kubectl argo rollouts abort`); give the exact commands to run");
    static final Message NOT_TESTED = Message.of("not-tested",
            "The rollback procedure in '{0}' is not stated to be tested; say how it is rehearsed (e.g. a "
                    + "rollback drill in staging every quarter)");

    private static final String HELP = """
            "Rollback procedures are documented and tested." During an incident nobody should have to \
            work out how to go back: the plan gives the exact commands, and says that the procedure is \
            rehearsed, because an untested rollback usually fails when it is needed.

            The rule reads the deployment document's *Rollback Procedures* section (aliases such as \
            *Rollback Plan*). It wants (1) concrete commands: a shell code block, or a known rollback \
            command in the section (`kubectl rollout undo`, `helm rollback`, `kubectl argo rollouts \
            abort`...; option `rollback-commands`), and (2) a statement that rollback is tested \
            (drills, "tested quarterly", rehearsals, game days; option `rollback-tested`), in the section \
            or in any sentence of the document that speaks of rollback.

            **How to fix**:

            ```bash
            helm rollback checkout 0 --namespace shop --wait --timeout 5m
            kubectl rollout status deployment/checkout --namespace shop
            ```

            and a line such as "We rehearse this rollback in staging every sprint."
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("rollback-commands", "Commands that roll a release back"));
        options.addAll(Vocabulary.get().options("rollback-tested", "Words saying that rollback is tested"));
        return RuleMeta.of("criteria/rollback", Level.ERROR,
                "Rollback procedure missing, has no concrete commands, or is not stated to be tested", HELP,
                List.of("criteria", "deployment")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("deployment-strategy")
                .withMessages(NO_PROCEDURE, NO_COMMANDS, NOT_TESTED);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.DEPLOYMENT, "Rollback Procedures").forEach(deployment -> check(context, deployment));
    }

    private void check(SetContext context, Focus deployment) {
        MarkdownDocument doc = deployment.document();
        Optional<Section> rollback = deployment.section();
        if (rollback.isEmpty()) {
            context.report(doc, Evidence.titleRange(doc), NO_PROCEDURE);
            return;
        }
        Section section = rollback.get();
        String text = Evidence.text(doc, section);
        boolean commands = false;
        for (CodeBlock block : doc.blocksIn(section)) {
            if (Blocks.isShell(block) && block.lines().stream().anyMatch(RollbackRule::isCommand)) {
                commands = true;
            }
        }
        commands |= Vocabulary.contains(text, Vocabulary.get().effective(context.options(), "rollback-commands"));
        if (!commands) {
            context.report(doc, section.heading().range(), NO_COMMANDS, section.title().strip());
        }
        List<String> tested = Vocabulary.get().effective(context.options(), "rollback-tested");
        if (!Vocabulary.contains(text, tested) && !statedElsewhere(doc, tested)) {
            context.report(doc, section.heading().range(), NOT_TESTED, section.title().strip());
        }
    }

    private static boolean isCommand(String line) {
        String t = line.strip();
        return !t.isEmpty() && !t.startsWith("#") && !t.startsWith("//") && !t.startsWith("REM ");
    }

    /** A sentence anywhere in the document that speaks of rollback and of testing it. */
    private static boolean statedElsewhere(MarkdownDocument doc, List<String> tested) {
        for (ProseSegment p : doc.prose()) {
            for (String sentence : p.text().split("(?<=[.!?])\\s+")) {
                if (ROLLBACK_WORD.matcher(sentence).find() && Vocabulary.contains(sentence, tested)) {
                    return true;
                }
            }
        }
        return false;
    }
}
