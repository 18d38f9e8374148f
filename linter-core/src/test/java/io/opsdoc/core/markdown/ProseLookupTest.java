package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class ProseLookupTest {
    private final MarkdownParser parser = new MarkdownParser();

    @Test
    void inProseAgreesWithAScanOverEverySegmentAtEveryOffset() {
        String text = "# Deploy *now*\n\nRun `kubectl apply` and <b>restart</b> it: blue / green.\n\n"
                + "| Option | Choice |\n|---|---|\n| db | Postgres / MySQL |\n\n"
                + "```yaml\nkey: a / b\n```\n\n- item with `code / span` and text / more\n  > quoted / prose\n";
        MarkdownDocument doc = parser.parse(SourceFile.ofText("doc.md", text));

        assertThat(doc.prose()).isNotEmpty();
        int inside = 0;
        for (int offset = -1; offset <= text.length(); offset++) {
            boolean scanned = false;
            for (ProseSegment segment : doc.prose()) {
                scanned |= offset >= segment.offset() && offset < segment.end();
            }
            assertThat(doc.inProse(offset)).as("offset %d", offset).isEqualTo(scanned);
            inside += scanned ? 1 : 0;
        }
        assertThat(inside).isPositive().isLessThan(text.length());
    }
}
