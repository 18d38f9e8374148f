package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsdoc.core.source.SourceFile;
import io.opsdoc.core.testing.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    private static final MarkdownParser PARSER = new MarkdownParser();
    private static final List<String> KEYS = List.of("opsdoc", "doc-type", "title", "type");

    private static MarkdownDocument parse(String text) {
        return PARSER.parse(SourceFile.ofText("doc.md", text));
    }

    @Test
    void theDeclaredTypeComesFromEitherKeyHoweverTheKeyIsWritten() {
        assertThat(parse("---\nopsdoc:\n  type: deployment-strategy\n---\n# T\n").declaredType())
                .contains("deployment-strategy");
        assertThat(parse("---\ntitle: x\ndoc-type: cicd-pipeline\n---\n# T\n").declaredType()).contains("cicd-pipeline");
        assertThat(parse("---\n\"doc\\x2Dtype\": iac-plan\n---\n# T\n").declaredType()).contains("iac-plan");
        assertThat(parse("---\n'doc-type': iac-plan\n---\n# T\n").declaredType()).contains("iac-plan");
        assertThat(parse("---\n? doc-type\n: iac-plan\n---\n# T\n").declaredType()).contains("iac-plan");
        assertThat(parse("---\nbase: &b monitoring-strategy\ndoc-type: *b\n---\n# T\n").declaredType())
                .contains("monitoring-strategy");
        assertThat(parse("---\ntitle: doc\ntype: x\n---\n# T\n").declaredType()).isEmpty();
        assertThat(parse("# T\n").declaredType()).isEmpty();
    }

    @Test
    void yamlThatDoesNotParseHasNoValuesAndSaysWhy() {
        FrontMatter broken = parse("---\ndoc-type: [a\n---\n# T\n").frontMatter().orElseThrow();

        assertThat(broken.value("doc-type")).isEmpty();
        assertThat(broken.values()).isEmpty();
        assertThat(broken.error()).isPresent();
        assertThat(parse("---\ntitle: ok\n---\n").frontMatter().orElseThrow().error()).isEmpty();
    }

    /** The shortcut that skips parsing must give what the parsed mapping gives. */
    @Test
    void aValueIsWhatTheParsedMappingHolds() throws IOException {
        List<String> samples = List.of("doc-type: a\n", "\"doc-\\\n  type\": b\n", "'doc-\n  type': c\n",
                "docs-type: d\n", "opsdoc: {type: e}\n", "\"\\u006Fpsdoc\": {type: f}\n", "<<: {doc-type: g}\n",
                "title: \"x\\ty\"\n", "- a\n- b\n", "a: [\n");
        for (String yaml : samples) {
            assertValuesAgree(new FrontMatter(yaml, null));
        }
        List<Path> files = SharedCorpus.markdownFiles();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        int withFrontMatter = 0;
        for (Path file : files) {
            Optional<FrontMatter> fm = parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).frontMatter();
            if (fm.isPresent()) {
                withFrontMatter++;
                assertValuesAgree(fm.get());
            }
        }
        assertThat(withFrontMatter).isGreaterThan(100);
    }

    private static void assertValuesAgree(FrontMatter fm) {
        for (String key : KEYS) {
            assertThat(fm.value(key)).as(fm + " " + key).isEqualTo(Optional.ofNullable(fm.values().get(key)));
        }
    }
}
