package io.opsdoc.rules.syntax;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.JsonBlock;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.TextEdit;
import java.util.List;

/**
 * A {@code json} block that does not parse, reported at the exact position. {@code jsonc},
 * {@code json5} and {@code jsonl} blocks are checked with what their dialect allows.
 */
public final class JsonSyntaxRule implements DocumentRule {
    static final String ID = "syntax/json";

    static final Message DOES_NOT_PARSE = Message.of("invalid", "JSON does not parse: {0}");
    static final Message TRAILING_COMMA = Message.of("trailing-comma",
            "trailing comma before '{0}' is not allowed in JSON; remove it or tag the block `jsonc`");
    static final Message JSONC_FEATURES = Message.of("jsonc-features",
            "this block has comments or other JSONC features, which JSON does not allow; tag it `jsonc` or "
                    + "remove them");
    static final Message FRAGMENT_BLOCK = Message.of("fragment",
            "object members without enclosing braces: a JSON fragment, not validated");
    static final Message STREAM_BLOCK = Message.of("stream", "several JSON values (NDJSON): tag the block `jsonl`");
    static final Message ELIDED_SNIPPET = Message.of("elided", "elided snippet ('...' lines) not validated as JSON");
    static final Message TEMPLATED_SNIPPET = Message.of("templated",
            "templated JSON ({{ }} or {% %}) not validated; it is JSON only once rendered");
    static final Message JSON5_UNCHECKED = Message.of("json5-unchecked", "JSON5 block could not be checked: {0}");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "JSON code block that does not parse",
            """
            JSON blocks in planning documents are policies, dashboards, task definitions and API payloads \
            that readers paste into consoles and files. A missing comma or quote makes them fail where they \
            are used. The finding points at the exact line and column of the parse error inside the \
            Markdown file.

            A `json` block whose only problem is one or more trailing commas (`"b": 2,` right before `}` or \
            `]`) gets a warning at each comma with a suggested fix that deletes it (shown in SARIF and JSON \
            reports); `opsdoc fix` does not apply it, because fix only ever adds lines or language tags.

            Blocks that are not strict JSON on purpose are reported as a note saying what they are, not as \
            an error:

            - JSON with comments in a `json` fence: tag it `jsonc` (comments and trailing commas are then \
            fine);
            - object members without the enclosing braces (a fragment of a larger document);
            - several JSON values one after another (NDJSON / JSON Lines): tag it `jsonl`;
            - elided snippets (`...` lines) and templates (`{{ }}`, `{% %}`).

            `json5` blocks are read with comments, trailing commas, single quotes and unquoted keys; \
            JSON5 features beyond that (hexadecimal numbers, `Infinity`) cannot be checked, so a `json5` \
            block that still does not parse is only a note. Blocks whose fence is never closed are left to \
            `markdown/unclosed-code-block`.

            **How to fix**: correct the JSON at the reported position, or tag the block with its dialect.

            ```json
            {
              "Version": "2012-10-17",
              "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]
            }
            ```
            """,
            List.of("syntax", "json"))
            .asSuggesting()
            .withMessages(DOES_NOT_PARSE, TRAILING_COMMA, JSONC_FEATURES, FRAGMENT_BLOCK, STREAM_BLOCK, ELIDED_SNIPPET,
                    TEMPLATED_SNIPPET, JSON5_UNCHECKED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (CodeBlock block : context.document().codeBlocks()) {
            if (!block.fenced() || !block.closed() || !block.isLanguage("json", "jsonc", "json5", "jsonl")) {
                continue;
            }
            JsonBlock json = block.json();
            String dialect = block.language();
            switch (json.kind()) {
                case INVALID -> (dialect.equals("json") ? json.error()
                        : json.lenientError().or(json::error)).ifPresent(error -> {
                    if (dialect.equals("json5")) {
                        context.report(Report.of(error.range(), JSON5_UNCHECKED, readable(error.message()))
                                .withLevel(Level.NOTE));
                    } else {
                        context.report(error.range(), DOES_NOT_PARSE, readable(error.message()));
                    }
                });
                case LENIENT -> {
                    if (dialect.equals("json")) {
                        lenient(context, block, json);
                    }
                }
                case FRAGMENT -> note(context, block, FRAGMENT_BLOCK);
                case STREAM -> {
                    if (!dialect.equals("jsonl")) {
                        note(context, block, STREAM_BLOCK);
                    }
                }
                case ELIDED -> note(context, block, ELIDED_SNIPPET);
                case TEMPLATED -> note(context, block, TEMPLATED_SNIPPET);
                default -> {
                    // VALID and EMPTY blocks are fine.
                }
            }
        }
    }

    /**
     * A block that is strict JSON but for trailing commas gets a warning at each comma with a suggested
     * (not automatic) fix that deletes it; comments (or other JSONC/JSON5 features) mean the block is JSONC.
     */
    private static void lenient(DocumentContext context, CodeBlock block, JsonBlock json) {
        List<Integer> commas = json.trailingCommas();
        if (commas.isEmpty()) {
            note(context, block, JSONC_FEATURES);
            return;
        }
        String content = block.content();
        for (int comma : commas) {
            int[] at = block.lineColumnOf(comma);
            int offset = block.fileOffset(at[0], at[1]);
            char closing = closingAfter(content, comma + 1);
            Fix fix = Fix.suggest("remove the trailing comma", new TextEdit(offset, offset + 1, ""));
            context.report(Report.of(block.range(at[0], at[1], at[0], at[1] + 1), TRAILING_COMMA, closing)
                    .withLevel(Level.WARNING).withFix(fix));
        }
    }

    private static char closingAfter(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() ? text.charAt(i) : '}';
    }

    /** Jackson's messages name its own classes and settings; users need only the first part. */
    static String readable(String message) {
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the end of the first JSON value";
        }
        int cut = message.indexOf(" (bound as");
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static void note(DocumentContext context, CodeBlock block, Message message) {
        context.report(Report.of(block.openingFence(), message).withLevel(Level.NOTE));
    }
}
