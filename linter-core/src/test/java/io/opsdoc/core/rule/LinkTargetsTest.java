package io.opsdoc.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkTargetsTest {
    private static final String DOC = """
            # Rollback Procedures

            ## Step 1: drain
            <a name="Manual-Anchor"></a>
            <div id='box'>x</div>

            ```html
            <a id="in-code"></a>
            ```
            """;

    @TempDir
    Path dir;

    @Test
    void lazilyReadAndRegisteredAnchorsAgree() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path file = Files.writeString(repo.resolve("plan.md"), DOC);
        FileScope scope = new FileScope(repo, 1024 * 1024);

        Optional<Set<String>> read = new LinkTargets().anchorsOf(file, scope);
        LinkTargets registered = new LinkTargets();
        registered.register(parse(file));
        // Changing the file shows that a registered document is not read again.
        Files.writeString(file, "# Other\n");

        assertThat(read).contains(Set.of("rollback-procedures", "step-1-drain", "manual-anchor", "box"));
        assertThat(registered.anchorsOf(file, scope)).isEqualTo(read);
        assertThat(LinkTargets.anchors(parse(repo.resolve("plan.md")))).containsExactly("other");
    }

    @Test
    void nothingOutsideTheScopeOrAboveTheLimitIsTestedOrReturned() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path outside = Files.writeString(dir.resolve("secret-plan.md"), DOC);
        Path big = Files.writeString(repo.resolve("big.md"), DOC + "x".repeat(2048));
        LinkTargets targets = new LinkTargets();
        // Registered by a run that checked it, as a wider scope would: the narrow scope still learns nothing.
        targets.register(parse(outside));
        FileScope scope = new FileScope(repo, 1024);

        assertThat(targets.probe(outside, scope)).isEqualTo(new LinkTargets.Probe(false, false, false, false));
        assertThat(targets.anchorsOf(outside, scope)).isEmpty();
        assertThat(targets.probe(big, scope)).isEqualTo(new LinkTargets.Probe(true, true, true, false));
        assertThat(targets.anchorsOf(big, scope)).isEmpty();
        assertThat(targets.probe(repo.resolve("missing.md"), scope)).isEqualTo(new LinkTargets.Probe(true, false, false, false));
        assertThat(targets.probe(repo, scope)).isEqualTo(new LinkTargets.Probe(true, true, false, false));
        // The wider scope of another checked path in the same run does see it.
        assertThat(targets.anchorsOf(outside, new FileScope(dir, 1024 * 1024))).isPresent();
    }

    @Test
    void htmlAnchorPrefilterNeverHidesAMatch() {
        assertThat(LinkTargets.mayHoldHtmlAnchor("no tags, id = 3")).isFalse();
        assertThat(LinkTargets.mayHoldHtmlAnchor("<b>bold</b> and a=b")).isFalse();
        assertThat(LinkTargets.mayHoldHtmlAnchor("<a\tNAME = x>")).isTrue();
        assertThat(LinkTargets.mayHoldHtmlAnchor("<div\nid=\"x\">")).isTrue();
    }

    private static MarkdownDocument parse(Path file) throws IOException {
        return new MarkdownParser().parse(SourceFile.of(file, file.getFileName().toString(),
                Files.readString(file, StandardCharsets.UTF_8)));
    }
}
