package io.opsdoc.rules.prometheus;

import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.SourceFile;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Maps an index into a scalar's value back to the Markdown file. YAML folding and block
 * indentation change only whitespace, so the n-th non-blank character of the value is the n-th
 * non-blank character of the scalar's source (after a block scalar's header line, inside quotes,
 * counting an escape sequence as one character). This is exact for plain and quoted scalars and
 * for literal block scalars, and lands on the right line for folded ones.
 */
final class ScalarPositions {
    private ScalarPositions() {
    }

    static Position locate(SourceFile source, YamlBlock block, ScalarNode node, int valueIndex) {
        Position start = block.start(node);
        int end = node.getEndMark().map(m -> block.block().position(m.getLine(), m.getColumn()).offset())
                .orElse(start.offset());
        String value = node.getValue();
        int index = Math.max(0, Math.min(valueIndex, value.length()));
        while (index < value.length() && Character.isWhitespace(value.charAt(index))) {
            index++;
        }
        int wanted = 0; // non-blank characters of the value before index
        for (int i = 0; i < index; i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                wanted++;
            }
        }
        boolean atEnd = index >= value.length();
        String raw = source.text().substring(start.offset(), Math.max(start.offset(), end));
        ScalarStyle style = node.getScalarStyle();
        int i = 0;
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            int nl = raw.indexOf('\n');
            i = nl < 0 ? raw.length() : nl + 1;
        } else if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
            i = 1;
        }
        int seen = 0;
        int lastAfter = i;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (style == ScalarStyle.DOUBLE_QUOTED && c == '"' || style == ScalarStyle.SINGLE_QUOTED && c == '\''
                    && (i + 1 >= raw.length() || raw.charAt(i + 1) != '\'')) {
                break; // closing quote
            }
            if (seen == wanted && !atEnd) {
                return source.position(start.offset() + i);
            }
            i += width(raw, i, style);
            seen++;
            lastAfter = i;
        }
        return source.position(start.offset() + (atEnd ? lastAfter : Math.min(i, raw.length())));
    }

    /** Source characters that make one value character: escapes in quoted scalars. */
    private static int width(String raw, int i, ScalarStyle style) {
        if (style == ScalarStyle.SINGLE_QUOTED && raw.startsWith("''", i)) {
            return 2;
        }
        if (style == ScalarStyle.DOUBLE_QUOTED && raw.charAt(i) == '\\' && i + 1 < raw.length()) {
            return switch (raw.charAt(i + 1)) {
                case 'x' -> 4;
                case 'u' -> 6;
                case 'U' -> 10;
                default -> 2;
            };
        }
        return 1;
    }
}
