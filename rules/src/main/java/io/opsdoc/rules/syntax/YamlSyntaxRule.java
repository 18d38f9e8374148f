package io.opsdoc.rules.syntax;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;

/** A {@code yaml}/{@code yml} block that does not parse, reported at the exact position. */
public final class YamlSyntaxRule implements DocumentRule {
    static final String ID = "syntax/yaml";

    static final Message DOES_NOT_PARSE = Message.of("invalid", "YAML does not parse: {0}");
    static final Message ELIDED_SNIPPET = Message.of("elided", "elided snippet ('...' lines) not validated as YAML");
    static final Message TEMPLATED_SNIPPET = Message.of("templated",
            "templated YAML ({{ }} or {% %}) not validated; it is YAML only once rendered");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "YAML code block that does not parse",
            """
            A YAML block in a planning document is usually meant to be copied: a Kubernetes manifest, a \
            GitHub Actions workflow, a Prometheus rule file. If it does not parse, whoever copies it finds \
            out at deploy time, and none of opsdoc's Kubernetes, Prometheus or GitHub Actions rules can \
            check it. The finding points at the exact line and column where the YAML parser gave up, \
            inside the Markdown file (also in list items, block quotes, CRLF files and files with a BOM). \
            Typical causes: tabs in indentation, a mis-indented key, `key:value` without a space, an \
            unquoted value starting with `{{`, `*` or `@`, or an unclosed quote or bracket.

            Snippets that are not meant to be complete are reported as a note, not an error: blocks that \
            leave parts out with `...` lines (elided) and templates (`{{ }}`, `{% %}`, as in Helm charts) \
            that are not YAML until rendered. Blocks whose fence is never closed are left to \
            `markdown/unclosed-code-block`.

            **How to fix**: correct the YAML at the reported position; quote values that start with \
            special characters.

            ```yaml
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: "ghcr.io/acme/api:1.4.2"
            ```
            """,
            List.of("syntax", "yaml"))
            .withMessages(DOES_NOT_PARSE, ELIDED_SNIPPET, TEMPLATED_SNIPPET);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (CodeBlock block : context.document().codeBlocks()) {
            if (!block.fenced() || !block.closed() || !block.isLanguage("yaml", "yml")) {
                continue;
            }
            YamlBlock yaml = block.yaml();
            switch (yaml.kind()) {
                case INVALID -> yaml.error().ifPresent(error ->
                        context.report(error.range(), DOES_NOT_PARSE, error.message()));
                case ELIDED -> context.report(Report.of(block.openingFence(), ELIDED_SNIPPET).withLevel(Level.NOTE));
                case TEMPLATED -> context.report(Report.of(block.openingFence(), TEMPLATED_SNIPPET).withLevel(Level.NOTE));
                default -> {
                    // VALID and EMPTY blocks are fine.
                }
            }
        }
    }
}
