package io.opsdoc.rules.markdown;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.Range;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A language tag that GitHub Linguist does not know, usually a typo such as {@code yamll}. */
public final class CodeBlockUnknownLanguageRule implements DocumentRule {
    static final String ID = "markdown/code-block-unknown-language";
    static final String EXTRA = "extra-languages";
    static final OptionSpec<List<String>> EXTRA_LANGUAGES = OptionSpec.stringList(EXTRA, List.of(),
            "additional language tags to accept, e.g. [log, promql-ext]");

    static final Message UNKNOWN = Message.of("unknown",
            "unknown language '{0}'; use a GitHub Linguist language name, `text`, or add it to "
                    + "`extra-languages`");
    static final Message UNKNOWN_CLOSE = Message.of("unknown-close", "unknown language '{0}'; did you mean '{1}'?");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Code block language tag that is not a known language name or alias",
            """
            GitHub highlights a fenced code block only when its language tag is a name, alias or file \
            extension that GitHub Linguist knows; opsdoc uses the same table to decide which blocks are \
            YAML, JSON or HCL and therefore checked. A typo such as `yamll` or `terrafrom` silently turns \
            off highlighting and every check of the block, so a broken manifest looks fine.

            Matching ignores case and everything after the first word of the info string, so \
            `yaml {hl_lines=[2]}`, `Dockerfile` and `bash title="deploy.sh"` are all fine. `console`, \
            `shell-session`, `mermaid`, `terraform`, `hcl`, `tf`, `promql`, `text`, `diff` and `http` are \
            known. Tags that your own renderer understands but Linguist does not (for example `log`) can be \
            allowed with the option `extra-languages`.

            **How to fix**: correct the tag to a known language name, or use `text` for plain output.

            ````markdown
            ```yaml
            replicas: 3
            ```
            ````
            """,
            List.of("markdown", "code"))
            .withOptions(EXTRA_LANGUAGES)
            .withMessages(UNKNOWN, UNKNOWN_CLOSE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        Languages languages = Languages.builtIn();
        List<String> extra = context.options().get(EXTRA_LANGUAGES);
        Set<String> extraLower = new HashSet<>();
        extra.forEach(e -> extraLower.add(e.strip().toLowerCase(Locale.ROOT)));
        for (CodeBlock block : context.document().codeBlocks()) {
            String tag = block.language();
            if (!block.fenced() || tag.isEmpty() || languages.known(tag) || extraLower.contains(tag)) {
                continue;
            }
            String written = writtenTag(block);
            Optional<String> closest = languages.closest(tag, extraLower);
            if (closest.isPresent()) {
                context.report(tagRange(block, written), UNKNOWN_CLOSE, written, closest.get());
            } else {
                context.report(tagRange(block, written), UNKNOWN, written);
            }
        }
    }

    /** The tag as written (original case), for the message. */
    private static String writtenTag(CodeBlock block) {
        String info = block.info().strip();
        return info.substring(0, Math.min(info.length(), block.language().length()));
    }

    /** Points at the tag on the opening fence line, falling back to the whole fence line. */
    private static Range tagRange(CodeBlock block, String written) {
        Range fence = block.openingFence();
        String text = block.source().text();
        int from = fence.start().offset();
        int at = text.indexOf(written, from);
        if (at < 0 || at + written.length() > fence.end().offset()) {
            return fence;
        }
        return block.source().range(at, at + written.length());
    }
}
