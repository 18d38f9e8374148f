package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The context the model walk hands down (code, HTML, heading, table, list or quote) and text slicing. */
class MarkdownModelContextTest {
    private final MarkdownParser parser = new MarkdownParser();

    private MarkdownDocument parse(String text) {
        return parser.parse(SourceFile.ofText("doc.md", text));
    }

    @Test
    void proseSkipsCodeAndHtmlAndKnowsHeadingsAndTables() {
        MarkdownDocument doc = parse("# Deploy *now*\n\nRun `kubectl apply` and <b>restart</b> it.\n\n"
                + "| Stage | Owner |\n|---|---|\n| build | team |\n\n```sh\necho hidden\n```\n\n<div>\nblock html\n</div>\n");
        assertThat(doc.prose()).extracting(ProseSegment::text)
                .contains("Deploy ", "now", "Run ", " and ", "restart", " it.", "Stage", "build")
                .doesNotContain("kubectl apply", "echo hidden", "block html");
        assertThat(doc.prose()).filteredOn(ProseSegment::inHeading).extracting(ProseSegment::text)
                .containsExactly("Deploy ", "now");
        assertThat(doc.prose()).filteredOn(ProseSegment::inTable).extracting(ProseSegment::text)
                .contains("Stage", "Owner", "build", "team").doesNotContain("Deploy ", "Run ");
        for (ProseSegment segment : doc.prose()) {
            assertThat(doc.text().startsWith(segment.text(), segment.offset())).as("%s", segment).isTrue();
        }
    }

    @Test
    void plainTextKeepsCodeSpansAndDropsInlineHtml() {
        MarkdownDocument doc = parse("See [the `runbook` <em>now</em>](https://x.example/r) and ![a *b*](i.png).\n");
        assertThat(doc.links()).extracting(Link::text).containsExactly("the runbook now", "a b");
        assertThat(doc.links()).extracting(Link::url).containsExactly("https://x.example/r", "i.png");
    }

    @Test
    void codeBlocksKnowWhetherTheyAreNested() {
        MarkdownDocument doc = parse("```yaml\na: 1\n```\n\n- item\n\n  ```yaml\n  b: 2\n  ```\n\n> ```yaml\n> c: 3\n> ```\n");
        assertThat(doc.codeBlocks()).extracting(CodeBlock::nested).containsExactly(false, true, true);
        assertThat(doc.codeBlocks()).extracting(CodeBlock::content).containsExactly("a: 1\n", "b: 2\n", "c: 3\n");
    }

    @Test
    void textWithNulReadsAsFlexmarkDoes() {
        // flexmark reads U+0000 as U+FFFD; the model's text must agree wherever it comes from.
        MarkdownDocument doc = parse("# A\0B\n\nx\0y\n\n```\nc\0d\n```\n");
        assertThat(doc.headings().get(0).text()).isEqualTo("A\uFFFDB");
        assertThat(doc.prose()).extracting(ProseSegment::text).contains("x\uFFFDy");
        assertThat(doc.codeBlocks().get(0).lines()).containsExactly("c\uFFFDd");
    }

    @Test
    void indentedHtmlCommentBlocksAreComments() {
        MarkdownDocument doc = parse("  <!-- opsdoc-disable x -->\n\ntext <!-- inline -->\n");
        assertThat(doc.comments()).extracting(HtmlComment::body).containsExactly("opsdoc-disable x", "inline");
        assertThat(doc.comments()).extracting(HtmlComment::block).containsExactly(true, false);
    }
}
