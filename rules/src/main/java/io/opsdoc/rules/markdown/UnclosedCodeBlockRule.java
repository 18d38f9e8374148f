package io.opsdoc.rules.markdown;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;

/** A code fence that is never closed and turns everything after it into code. */
public final class UnclosedCodeBlockRule implements DocumentRule {
    static final String ID = "markdown/unclosed-code-block";

    static final Message UNCLOSED = Message.of("unclosed",
            "code fence is never closed and swallows {0} ({1}); add a matching closing fence");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "Code fence that is never closed and swallows the rest of the document",
            """
            A fenced code block runs until a closing fence made of the same character (backtick or tilde), \
            at least as long as the opening one, and not indented further than its container allows. When \
            the closing fence is missing, mistyped (` `` ` instead of ` ``` `), shorter than the opening \
            fence (```` ```` ```` opened, ` ``` ` closed) or left outside the list item or block quote that \
            opened the block, every following line becomes code: headings vanish from the table of \
            contents, required sections look missing, links stop working and the prose is no longer \
            checked. The block's content is not checked as YAML/JSON/HCL either, since it runs into prose.

            **How to fix**: close the fence with the same character and at least as many of them as the \
            opening fence, at the same indentation.

            ````markdown
            ```bash
            kubectl rollout undo deployment/api
            ```

            ## Database Migrations
            ````
            """,
            List.of("markdown", "code"))
            .withMessages(UNCLOSED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (CodeBlock block : context.document().codeBlocks()) {
            if (!block.fenced() || block.closed()) {
                continue;
            }
            String swallowed = block.nested() ? "the rest of its list item or block quote"
                    : "the rest of the document";
            int lines = block.lineCount();
            context.report(block.openingFence(), UNCLOSED, swallowed, lines + (lines == 1 ? " line" : " lines"));
        }
    }
}
