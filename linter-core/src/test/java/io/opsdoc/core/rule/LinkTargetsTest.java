package io.opsdoc.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
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
    void aFileNobodyRegisteredIsOfferedToTheRunBeforeItIsRead() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path file = Files.writeString(Files.createDirectories(repo.resolve("docs")).resolve("plan.md"), DOC);
        Path other = Files.writeString(repo.resolve("other.md"), DOC);
        Path big = Files.writeString(repo.resolve("big.md"), DOC + "x".repeat(2048));
        Path outside = Files.writeString(dir.resolve("outside.md"), DOC);
        FileScope scope = new FileScope(repo, 1024);
        List<Path> offered = new ArrayList<>();
        LinkTargets[] holder = new LinkTargets[1];
        // The run checks the offered file now: its own parse (here of other text, to tell it from a read) registers it.
        LinkTargets targets = new LinkTargets(path -> {
            offered.add(path);
            if (path.equals(file)) {
                holder[0].register(new MarkdownParser().parse(SourceFile.of(path, "docs/plan.md", "# Checked By The Run\n")));
            }
        });
        holder[0] = targets;

        assertThat(targets.anchorsOf(repo.resolve("docs/../docs/./plan.md"), scope)).contains(Set.of("checked-by-the-run"));
        assertThat(targets.anchorsOf(file, scope)).contains(Set.of("checked-by-the-run"));
        // Not taken by the run: read here, as before.
        assertThat(targets.anchorsOf(other, scope)).contains(Set.of("rollback-procedures", "step-1-drain", "manual-anchor", "box"));
        assertThat(targets.anchorsOf(big, scope)).isEmpty();
        assertThat(targets.anchorsOf(outside, scope)).isEmpty();
        // Once each, with the absolute normalised path; never a file the scope may not read.
        assertThat(offered).containsExactly(file, other);
    }

    @Test
    void symbolicLinksLeadNoProbeOutOfTheScope() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("secret.md"), DOC);
        Files.writeString(repo.resolve("plan.md"), DOC);
        Files.writeString(repo.resolve("big.md"), DOC + "x".repeat(2048));
        Files.createDirectories(repo.resolve("docs"));
        Assumptions.assumeTrue(symlink(repo.resolve("docs/out"), Path.of("../../elsewhere")));
        symlink(repo.resolve("docs/secret-link.md"), Path.of("../../elsewhere/secret.md"));
        symlink(repo.resolve("docs/plan-link.md"), Path.of("../plan.md"));
        symlink(repo.resolve("docs/big-link.md"), Path.of("../big.md"));
        symlink(repo.resolve("docs/dangling.md"), Path.of("../gone.md"));
        symlink(repo.resolve("docs/up"), Path.of(".."));
        FileScope scope = new FileScope(repo, 1024);
        LinkTargets targets = new LinkTargets();
        LinkTargets.Probe outsideProbe = new LinkTargets.Probe(false, false, false, false);

        // A folder that leads out, a file in it, a missing file in it (not even told missing), a file link out.
        for (String path : List.of("docs/out", "docs/out/secret.md", "docs/out/missing.md", "docs/secret-link.md",
                "docs/out/../out/secret.md", "docs/up/docs/out/secret.md")) {
            assertThat(targets.probe(repo.resolve(path), scope)).as(path).isEqualTo(outsideProbe);
            assertThat(targets.anchorsOf(repo.resolve(path), scope)).as(path).isEmpty();
            assertThat(scope.contains(repo.resolve(path))).as(path).isFalse();
        }
        // Links that stay inside are followed, within the size limit.
        assertThat(targets.probe(repo.resolve("docs/plan-link.md"), scope)).isEqualTo(new LinkTargets.Probe(true, true, true, true));
        assertThat(targets.anchorsOf(repo.resolve("docs/up/plan.md"), scope)).isPresent();
        assertThat(targets.probe(repo.resolve("docs/big-link.md"), scope)).isEqualTo(new LinkTargets.Probe(true, true, true, false));
        assertThat(targets.probe(repo.resolve("docs/dangling.md"), scope)).isEqualTo(new LinkTargets.Probe(true, false, false, false));
        // A root reached through a symbolic link is the same tree.
        Path alias = dir.resolve("alias");
        symlink(alias, Path.of("repo"));
        FileScope aliased = new FileScope(alias, 1024);
        assertThat(targets.probe(alias.resolve("docs/plan-link.md"), aliased)).isEqualTo(new LinkTargets.Probe(true, true, true, true));
        assertThat(targets.probe(alias.resolve("docs/out/secret.md"), aliased)).isEqualTo(outsideProbe);
        assertThat(aliased.contains(alias.resolve("docs/missing.md"))).isTrue();
    }

    private static boolean symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The anchors as Matcher.find() over the whole text gives them, before the search went from '<' to '<'. */
    private static Set<String> anchorsByFind(MarkdownDocument document) {
        Pattern pattern = Pattern.compile(
                "<[A-Za-z][A-Za-z0-9]*\\b[^>]*?\\s(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))",
                Pattern.CASE_INSENSITIVE);
        Set<String> result = new HashSet<>();
        document.headings().forEach(h -> result.add(h.slug().toLowerCase(Locale.ROOT)));
        Matcher m = pattern.matcher(document.text());
        while (m.find()) {
            int at = m.start();
            if (document.codeBlocks().stream().noneMatch(b -> b.range().start().offset() <= at && at < b.range().end().offset())) {
                String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                result.add(value.toLowerCase(Locale.ROOT));
            }
        }
        return result;
    }

    @Test
    void htmlAnchorsAreThoseAFullSearchFinds() {
        List<String> texts = new ArrayList<>(List.of(DOC, "<a href=\"x>y\" id=z>", "<<a id=q>", "<a b=c NAME=d>",
                "<img\nid='e'>", "a < b id=1", "<a>id=x", "<a title='>' id=y>", "<a <b id=x>", "<a id=>",
                "<a id=\"one\"><b name=two><c id = 'three' name=four>", "x <a\tid=t", "<", "<a", "<a id", "<1 id=x>"));
        Random random = new Random(14);
        String alphabet = "<>=\"' \n\tabdeimnx#`-";
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(6) == 0 ? (random.nextBoolean() ? " id=" : " name=")
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            texts.add(text.toString());
        }
        MarkdownParser parser = new MarkdownParser();
        for (String text : texts) {
            MarkdownDocument document = parser.parse(SourceFile.ofText("t.md", text));
            assertThat(LinkTargets.anchors(document)).as(text).isEqualTo(anchorsByFind(document));
        }
    }

    /** A long run of tags with no '=' or '>' after them was searched to its end once per tag (minutes). */
    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aLongRunOfOpenTagsIsSearchedOnce() {
        String text = "# T\n\n<b id=x>y</b>\n\n" + "<a".repeat(2_000_000) + "\n";
        MarkdownDocument document = new MarkdownParser().parse(SourceFile.ofText("t.md", text));
        assertThat(LinkTargets.anchors(document)).contains("x");
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
