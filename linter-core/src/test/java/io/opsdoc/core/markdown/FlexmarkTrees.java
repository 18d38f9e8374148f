package io.opsdoc.core.markdown;

import com.vladsch.flexmark.util.ast.Node;
import io.opsdoc.core.testing.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Whole flexmark trees as text, for comparing two ways of parsing the same input. */
final class FlexmarkTrees {
    /**
     * Inputs that reach every kind of node the options allow and the per-document state of the
     * parser: references (defined, used, duplicated), tables (with inline pipes, escaped pipes,
     * missing and extra cells), task items, HTML blocks of every type, front matter, headings of
     * both kinds, lists that nest, interrupt and loosen, and constructs left open at the end.
     */
    static final List<String> SAMPLES = List.of(
            "Run `make  build` then ``a ` tick`` and ```unclosed.\n",
            "A [link](https://example.com \"title\") and [ref][r], [collapsed][] and ![img](a.png 'x').\n\n"
                    + "[r]: https://example.com/r  \"Ref\"\n[collapsed]: <a b.md>\n",
            "*em* **strong** _a_b_ ~~no~~ <https://auto.link> <span id=\"x\">html</span> \\*escaped\\*\n",
            "Line one  \nline two\\\nline three &amp; &#42; &copy;\n",
            "| a | `b|c` |\n|---|---|\n| [x](y) | **z** |\n",
            "- item with `code`\n  - nested [link]( spaced.md )\n\n> quote `q` [l]\n>\n> [l]: /l\n",
            "[unclosed link](missing\n[empty]()\n[ ](  )\n` `\n",
            "---\ntitle: plan\ntags: [a, b]\n---\n\n# Plan\n\nSetext\n======\n\nSub\n---\n",
            "- [ ] open task\n- [x] done task\n  - [X] nested done\n1. [ ] ordered task\n\n* plain\n+ other marker\n",
            "<div>\n*not emphasis*\n</div>\n\n<!-- comment\nspans -->\n\n<?php echo 1; ?>\n\n<!DOCTYPE html>\n\n"
                    + "<![CDATA[\nx\n]]>\n\n<script>\nvar a = 1;\n</script>\n\n<custom-tag attr=\"v\">\n\ntext\n",
            "| left | center | right |\n|:-----|:------:|------:|\n| 1 | 2 |\n| a \\| b | c | d | extra |\n\n"
                    + "no | table\nhere\n\n|single|\n|---|\n",
            "    indented code\n\n```yaml\nkey: value\n```\n\n~~~\ntilde\n~~~\n\n***\n\n___\n",
            "[dup]: /one\n[dup]: /two\n\nSee [dup] and [missing] and [Dup][].\n",
            "1. one\n2. two\n\n   para in item\n3) paren\n\n10. ten\n- a\n\n\n- b\n",
            "**unclosed strong and [bracket and `tick\n\n* * *\n_under_score_ __strong__\n",
            "# Heading with `code` and [link](x) #\n\n#NoSpace\n\n###### six\n####### seven\n");

    private FlexmarkTrees() {
    }

    /**
     * Every node in document order, one per line: its class, span and flexmark's own description
     * of its parts (markers, text, url, title, tight or loose, ...), and its text.
     */
    static String tree(Node document) {
        StringBuilder out = new StringBuilder();
        dump(document, 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.toAstString(true)).append(' ')
                .append(node.getChars().toString().replace("\n", "\\n")).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, out);
        }
    }

    /**
     * The corpus files an equivalence test reads: every 5th, or every n-th with
     * {@code -Dopsdoc.corpusStride=n} ({@code 1} for all of them).
     */
    static List<Path> corpusSample() {
        int stride = Integer.getInteger("opsdoc.corpusStride", 5);
        List<Path> files = SharedCorpus.markdownFiles();
        List<Path> picked = new ArrayList<>();
        for (int i = 0; i < files.size(); i += stride) {
            picked.add(files.get(i));
        }
        return picked;
    }
}
