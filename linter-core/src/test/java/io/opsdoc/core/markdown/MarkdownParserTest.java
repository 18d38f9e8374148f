package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {
    private final MarkdownParser parser = new MarkdownParser();

    private MarkdownDocument parse(String text) {
        return parser.parse(SourceFile.ofText("doc.md", text));
    }

    @Test
    void warmingUpOnAnotherThreadLeavesParsersAsTheyWere() throws InterruptedException {
        Thread warmUp = new Thread(MarkdownParser::warmUp);
        warmUp.start();
        MarkdownDocument during = parse("# T\n\n- item `code` [l](x.md)\n");
        warmUp.join();

        assertThat(during.headings()).hasSize(1);
        assertThat(parse("# T\n\n- item `code` [l](x.md)\n").links()).isEqualTo(during.links());
    }

    @Test
    void sectionsNestByLevel() {
        MarkdownDocument doc = parse("# Plan\n\nintro\n\n## Alerting\n\ntext\n\n### Routing\n\nmore\n\n## Dashboards\n");
        assertThat(doc.sections()).extracting(Section::title).containsExactly("Plan", "Alerting", "Routing", "Dashboards");
        Section alerting = doc.sections().get(1);
        assertThat(doc.subsections(alerting)).extracting(Section::title).containsExactly("Routing");
        assertThat(doc.text(alerting)).contains("text").contains("more").doesNotContain("Dashboards");
        assertThat(alerting.heading().range().start()).isEqualTo(new Position(5, 1, doc.text().indexOf("## Alerting")));
    }

    @Test
    void headingTextDropsMarkupAndSlugsFollowGitHub() {
        MarkdownDocument doc = parse("## **SLIs**, SLOs & `SLAs`\n\n## 🚀 Deploy!\n\n## Deploy\n\n## Deploy\n");
        assertThat(doc.headings().get(0).text()).isEqualTo("SLIs, SLOs & SLAs");
        assertThat(doc.headings().get(0).slug()).isEqualTo("slis-slos--slas");
        assertThat(doc.headings().get(1).slug()).isEqualTo("-deploy");
        assertThat(doc.headings()).extracting(Heading::slug).contains("deploy", "deploy-1");
    }

    @Test
    void fencedBlockContentPositionIsExactAtTopLevel() {
        MarkdownDocument doc = parse("# T\n\n```yaml title=\"x\"\nkey: value\n```\n");
        CodeBlock block = doc.codeBlocks().get(0);
        assertThat(block.language()).isEqualTo("yaml");
        assertThat(block.info()).isEqualTo("yaml title=\"x\"");
        assertThat(block.closed()).isTrue();
        assertThat(block.position(0, 5)).isEqualTo(new Position(4, 6, doc.text().indexOf("value")));
    }

    @Test
    void fencedBlockInListItemAndBlockQuoteMapsPastTheContainerPrefix() {
        String text = "1. Step one\n\n   ```yaml\n   a: 1\n   b: 2\n   ```\n\n> ```json\n> {\"k\": 1}\n> ```\n";
        MarkdownDocument doc = parse(text);
        CodeBlock list = doc.codeBlocks().get(0);
        assertThat(list.nested()).isTrue();
        assertThat(list.lines()).containsExactly("a: 1", "b: 2");
        assertThat(list.position(1, 0)).isEqualTo(new Position(5, 4, text.indexOf("b: 2")));
        CodeBlock quote = doc.codeBlocks().get(1);
        assertThat(quote.nested()).isTrue();
        assertThat(quote.position(0, 1)).isEqualTo(new Position(9, 4, text.indexOf("\"k\"")));
    }

    /** Found by MarkdownFuzzTest: a tab partly consumed by the list item shifted the code's columns by one. */
    @Test
    void tabPartlyConsumedByAListItemDoesNotShiftCodeColumns() {
        String text = "- item\n\n\t\tcode x\n\t\tmore\n";
        CodeBlock block = parse(text).codeBlocks().get(0);
        assertThat(block.lines()).containsExactly("\tcode x", "\tmore");
        assertThat(block.position(0, 6)).isEqualTo(new Position(3, 8, text.indexOf("x")));
        assertThat(block.position(1, 1)).isEqualTo(new Position(4, 3, text.indexOf("more")));
    }

    /** Found by EmbeddedBlocksFuzzTest: flexmark ended the block before its trailing blank content lines. */
    @Test
    void blockRangeHoldsEveryContentLine() {
        String text = "- item\n\n\t```json\n\t{\r\r\r<}.\n\t```\n";
        for (CodeBlock block : parse(text).codeBlocks()) {
            int last = block.lineCount() - 1;
            assertThat(block.range().end().offset()).as("%s", block.lines())
                    .isGreaterThanOrEqualTo(block.fileOffset(last, block.lines().get(last).length()));
        }
    }

    @Test
    void crlfAndBomDoNotShiftColumns() {
        String text = "\uFEFF# T\r\n\r\n```yaml\r\nkey: value\r\n```\r\n";
        MarkdownDocument doc = parser.parse(SourceFile.ofText("doc.md", text));
        CodeBlock block = doc.codeBlocks().get(0);
        assertThat(block.lines()).containsExactly("key: value");
        assertThat(block.position(0, 5).line()).isEqualTo(4);
        assertThat(block.position(0, 5).column()).isEqualTo(6);
        assertThat(doc.headings().get(0).range().start().column()).isEqualTo(1);
    }

    @Test
    void unclosedFenceIsFlagged() {
        MarkdownDocument doc = parse("# T\n\n```yaml\nkey: v\n\n## Not a heading\n");
        assertThat(doc.codeBlocks().get(0).closed()).isFalse();
        assertThat(doc.headings()).hasSize(1);
    }

    @Test
    void frontMatterTablesTasksLinksCommentsAndProse() {
        String text = "---\ndoc-type: monitoring-strategy\n---\n# T\n\n| Stage | Target |\n|---|---|\n| Build | 2 min |\n\n"
                + "- [x] done\n- [ ] open\n\nSee [runbook](runbooks/db.md#restore) and `code TODO`.\n\n<!-- opsdoc-disable x -->\n";
        MarkdownDocument doc = parse(text);
        assertThat(doc.declaredType()).contains("monitoring-strategy");
        Table table = doc.tables().get(0);
        assertThat(table.header()).extracting(TableCell::text).containsExactly("Stage", "Target");
        assertThat(table.rows().get(0)).extracting(TableCell::text).containsExactly("Build", "2 min");
        assertThat(doc.taskItems()).extracting(TaskItem::checked).containsExactly(true, false);
        assertThat(doc.links()).extracting(Link::url).containsExactly("runbooks/db.md#restore");
        assertThat(doc.comments()).extracting(HtmlComment::body).containsExactly("opsdoc-disable x");
        assertThat(doc.proseText()).contains("See").doesNotContain("code TODO");
    }

    @Test
    void deepNestingDoesNotOverflowTheModelWalk() {
        String text = "> ".repeat(500) + "deep\n";
        MarkdownDocument doc = parse(text);
        assertThat(doc.prose()).isNotEmpty();
    }
}
