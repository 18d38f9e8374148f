package io.opsdoc.rules.syntax;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.HclBlock;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;

/** An {@code hcl}/{@code terraform}/{@code tf} block that does not parse, reported at the exact position. */
public final class HclSyntaxRule implements DocumentRule {
    static final String ID = "syntax/hcl";

    static final Message DOES_NOT_PARSE = Message.of("invalid", "HCL does not parse: {0}");
    static final Message ELIDED_SNIPPET = Message.of("elided", "elided snippet ('...' lines) not validated as HCL");
    static final Message TEMPLATED_SNIPPET = Message.of("templated",
            "HCL with placeholders or template syntax not validated; fill in the placeholders to check it");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "HCL/Terraform code block that does not parse",
            """
            The infrastructure document is where reviewers read the Terraform that will build networks, \
            databases and load balancers. A block that does not parse cannot be applied as written, and \
            none of opsdoc's Terraform rules (encryption, state locking, open ingress, pinned versions...) \
            can look inside it. The finding points at the exact line and column of the first parse error \
            inside the Markdown file. Typical causes: a missing closing brace, `:` instead of `=` for an \
            argument, an unterminated string or `${` interpolation, or a comma between block arguments.

            Blocks tagged `hcl`, `terraform`, `tf`, `hcl2` or `tfvars` are checked. Snippets that leave parts \
            out with `...` lines (elided) or use placeholders (`<module_name>`, `{{ }}`) are reported as a \
            note saying so, not as an error. Blocks whose fence is never closed are left to \
            `markdown/unclosed-code-block`.

            **How to fix**: correct the HCL at the reported position.

            ```hcl
            resource "aws_db_instance" "main" {
              engine            = "postgres"
              storage_encrypted = true
            }
            ```
            """,
            List.of("syntax", "terraform"))
            .withMessages(DOES_NOT_PARSE, ELIDED_SNIPPET, TEMPLATED_SNIPPET);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (CodeBlock block : context.document().codeBlocks()) {
            if (!block.fenced() || !block.closed() || !block.isLanguage("hcl", "terraform", "tf", "hcl2", "tfvars")) {
                continue;
            }
            HclBlock hcl = block.hcl();
            switch (hcl.kind()) {
                case INVALID -> hcl.error().ifPresent(error ->
                        context.report(error.range(), DOES_NOT_PARSE, error.message()));
                case ELIDED -> note(context, block, ELIDED_SNIPPET);
                case TEMPLATED -> note(context, block, TEMPLATED_SNIPPET);
                default -> {
                    // VALID and EMPTY blocks are fine.
                }
            }
        }
    }

    private static void note(DocumentContext context, CodeBlock block, Message message) {
        context.report(Report.of(block.openingFence(), message).withLevel(Level.NOTE));
    }
}
