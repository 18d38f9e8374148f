package io.opsdoc.core.embedded;

import io.opsdoc.core.hcl.HclBody;
import io.opsdoc.core.hcl.HclDiagnostic;
import io.opsdoc.core.hcl.HclParseResult;
import io.opsdoc.core.hcl.HclParser;
import io.opsdoc.core.hcl.HclRange;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.source.Range;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A code block parsed with opsdoc's own HCL2 native-syntax parser. HCL positions are offsets
 * into {@link CodeBlock#content()}, so {@link #range(HclRange)} maps them to the Markdown file
 * exactly, also for blocks nested in lists and quotes.
 */
public final class HclBlock {
    /** Documentation placeholders such as {@code module.<module_name>.id} make a block a template, not HCL. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z][A-Za-z0-9_ -]*>");

    private final CodeBlock block;
    private final BlockKind kind;
    private final HclParseResult result;
    private final Optional<EmbeddedError> error;

    private HclBlock(CodeBlock block, BlockKind kind, HclParseResult result, Optional<EmbeddedError> error) {
        this.block = block;
        this.kind = kind;
        this.result = result;
        this.error = error;
    }

    public static HclBlock parse(CodeBlock block) {
        String text = block.content();
        HclParseResult result = HclParser.parse(text);
        if (result.isValid()) {
            boolean empty = result.body().items().isEmpty();
            return new HclBlock(block, empty ? BlockKind.EMPTY : BlockKind.VALID, result, Optional.empty());
        }
        HclDiagnostic first = result.errors().get(0);
        Range range = block.contentRange(first.start().offset(), Math.max(first.start().offset(), first.end().offset()));
        if (range.end().line() != range.start().line()) {
            range = new Range(range.start(), range.start());
        }
        BlockKind kind = Snippets.elided(text) ? BlockKind.ELIDED
                : Snippets.templated(text) || PLACEHOLDER.matcher(text).find() ? BlockKind.TEMPLATED
                : BlockKind.INVALID;
        return new HclBlock(block, kind, result, Optional.of(new EmbeddedError(first.message(), range)));
    }

    public CodeBlock block() {
        return block;
    }

    public BlockKind kind() {
        return kind;
    }

    public boolean valid() {
        return kind == BlockKind.VALID;
    }

    /** The syntax tree; complete when valid, otherwise the items parsed before the first error. */
    public HclBody body() {
        return result.body();
    }

    public HclParseResult result() {
        return result;
    }

    public Optional<EmbeddedError> error() {
        return error;
    }

    /** Where an HCL node is in the Markdown file. */
    public Range range(HclRange range) {
        return block.contentRange(range.start().offset(), range.end().offset());
    }

    /** The source text of an HCL node. */
    public String text(HclRange range) {
        return range.text(block.content());
    }
}
