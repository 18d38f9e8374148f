package io.opsdoc.core.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;

/** A flexmark tree written out for comparing two parsers: every node's class, span and text. */
final class FlexmarkTree {
    private FlexmarkTree() {
    }

    /** Every node's class, span and text, in document order, one per line. */
    static String of(Parser parser, String markdown) {
        StringBuilder out = new StringBuilder();
        dump(parser.parse(markdown), 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
                .append(node.getStartOffset()).append('-').append(node.getEndOffset()).append(' ')
                .append(node.getChars().toString().replace("\n", "\\n")).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, out);
        }
    }
}
