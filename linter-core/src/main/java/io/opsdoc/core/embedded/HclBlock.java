package io.opsdoc.core.embedded;

import io.opsdoc.core.hcl.HclBody;
import io.opsdoc.core.hcl.HclBodyItem;
import io.opsdoc.core.hcl.HclDiagnostic;
import io.opsdoc.core.hcl.HclParseResult;
import io.opsdoc.core.hcl.HclParser;
import io.opsdoc.core.hcl.HclRange;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A code block parsed with opsdoc's own HCL2 native-syntax parser. HCL positions are offsets
 * into {@link CodeBlock#content()}, so {@link #range(HclRange)} maps them to the Markdown file
 * exactly, also for blocks nested in lists and quotes.
 */
public final class HclBlock {
    /** Documentation placeholders such as {@code module.<module_name>.id} make a block a template, not HCL. */
    /** A comment line that names a file, e.g. "# prod.tfvars" or "// file: main.tf". */
    private static final Pattern FILE_HEADER = Pattern.compile(
            "^\\s*(?:#|//)\\s*(?:file(?:name)?:\\s*)?[\\w./-]+\\.(?:tf|tfvars|hcl|tf\\.json)\\b.*$",
            Pattern.CASE_INSENSITIVE);
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
        if (!result.isValid()) {
            result = parseAsSeveralFiles(text).orElse(result);
        }
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

    /**
     * Plans often show several files in one block, each introduced by a comment naming it
     * ({@code # dev.tfvars}, {@code # prod.tfvars}); as one file the repeated arguments would be
     * "redefined". Each part is parsed on its own, with the other parts blanked out so offsets
     * (and therefore positions) stay those of the whole block.
     */
    private static Optional<HclParseResult> parseAsSeveralFiles(String text) {
        List<Integer> starts = new ArrayList<>();
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            if (FILE_HEADER.matcher(line).matches()) {
                starts.add(offset);
            }
            offset += line.length() + 1;
        }
        if (starts.size() < 2) {
            return Optional.empty();
        }
        if (starts.get(0) > 0 && !text.substring(0, starts.get(0)).isBlank()) {
            starts.add(0, 0);
        }
        List<HclBodyItem> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            HclParseResult part = HclParser.parse(blankOutside(text, from, to));
            if (!part.isValid()) {
                return Optional.empty();
            }
            items.addAll(part.body().items());
        }
        HclParseResult whole = HclParser.parse("");
        return Optional.of(new HclParseResult(new HclBody(items, whole.body().range()), List.of()));
    }

    private static String blankOutside(String text, int from, int to) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(i >= from && i < to || c == '\n' || c == '\r' ? c : ' ');
        }
        return sb.toString();
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
