package io.opsdoc.rules.markdown;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.LanguageGuesser;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.TextEdit;
import java.util.List;
import java.util.Optional;

/** A fenced code block without a language tag; the fix inserts the tag the content shows. */
public final class CodeBlockLanguageRule implements DocumentRule {
    static final String ID = "markdown/code-block-language";

    static final Message MISSING = Message.of("missing",
            "fenced code block has no language tag; add one after the opening fence (for example `yaml`, "
                    + "`bash` or `text`)");
    static final Message MISSING_GUESSED = Message.of("missing-guessed",
            "fenced code block has no language tag; its content looks like {0}, tag it `{1}`");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Fenced code block without a language tag",
            """
            A fenced code block should say what it contains. The language tag (the word right after the \
            opening fence) turns on syntax highlighting on GitHub and in editors, tells readers at a glance \
            whether they are looking at a Kubernetes manifest, a Terraform module or a shell command, and \
            lets opsdoc check the block: YAML, JSON and HCL blocks are parsed and the Kubernetes, Prometheus, \
            GitHub Actions and Terraform rules only look at tagged blocks. An untagged block is invisible to \
            all of them.

            Use `text` for output, logs or diagrams drawn with characters, so the choice is explicit.

            The fix infers the tag from the content and only when the signal is strong: a Mermaid diagram \
            keyword, a diff hunk, `$ ` prompts (`console`), Dockerfile instructions starting with `FROM`, \
            JSON that parses, HCL that parses and holds a block (`terraform` when the blocks are Terraform's), \
            SQL statements, lines that all start with well-known commands (`kubectl`, \
            `docker`, `terraform`, `helm`, `git`, `curl`, `aws`, ... -> `bash`), a PromQL expression that \
            parses and selects a metric, or YAML that parses into mappings with plain keys. Anything else \
            is reported without a fix.

            **How to fix**: add the language after the opening backticks.

            ````markdown
            ```yaml
            apiVersion: apps/v1
            kind: Deployment
            ```
            ````
            """,
            List.of("markdown", "code")).asFixable()
            .withMessages(MISSING, MISSING_GUESSED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (CodeBlock block : context.document().codeBlocks()) {
            if (!block.fenced() || !block.info().isBlank()) {
                continue;
            }
            Optional<LanguageGuesser.Guess> guess = block.guessedLanguage();
            if (guess.isEmpty()) {
                context.report(block.openingFence(), MISSING);
                continue;
            }
            String tag = guess.get().tag();
            Fix fix = Fix.edit("tag the code block `" + tag + "`", TextEdit.insert(afterFence(block), tag));
            context.report(Report.of(block.openingFence(), MISSING_GUESSED, guess.get().label(), tag).withFix(fix));
        }
    }

    /** Offset just past the run of backticks or tildes that opens the fence. */
    private static int afterFence(CodeBlock block) {
        String text = block.source().text();
        int start = block.openingFence().start().offset();
        int end = start;
        char fence = text.charAt(start);
        while (end < text.length() && text.charAt(end) == fence) {
            end++;
        }
        return end;
    }
}
