package io.opsdoc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.rules.FixtureMarkers.Expectation;
import org.junit.jupiter.api.Test;

/** The fixture runner's marker handling: what it expects, what the rules see, what it rejects. */
class FixtureMarkersTest {

    @Test
    void markersAreRemovedWithoutMovingAnything() {
        String text = "# Title\r\n"
                + "Some prose. <!-- expect: a/b@1 missing -->\r\n"
                + "<!-- expect-next-line: a/b@3 too-long -->\r\n"
                + "  image: x:latest # expect: a/b@3 latest, a/b@10 no-tag\n"
                + "for: 1m  # opsdoc-disable-line c/d -- expect: e/f@10 unused\n"
                + "x <!-- expect-line-1: a/b@1 missing --> y\n";
        FixtureMarkers markers = FixtureMarkers.parse("f.md", text);
        assertThat(markers.problems()).isEmpty();
        assertThat(markers.strippedText()).isEqualTo("# Title\r\n"
                + "Some prose.\r\n"
                + "\r\n"
                + "  image: x:latest\n"
                + "for: 1m  # opsdoc-disable-line c/d\n"
                + "x " + " ".repeat("<!-- expect-line-1: a/b@1 missing -->".length()) + " y\n");
        assertThat(markers.expectations()).containsExactly(
                new Expectation(2, 1, "a/b", "missing"),
                new Expectation(4, 3, "a/b", "too-long"),
                new Expectation(4, 3, "a/b", "latest"),
                new Expectation(4, 10, "a/b", "no-tag"),
                new Expectation(5, 10, "e/f", "unused"),
                new Expectation(1, 1, "a/b", "missing"));
        assertThat(markers.expectations().get(0).key()).isEqualTo("2:1 a/b missing");
    }

    @Test
    void unknownMarkerFormsAreRejectedWithFileAndLine() {
        String text = "ok\n"
                + "<!-- expect a/b@1 missing -->\n"
                + "<!-- expects: a/b@1 missing -->\n"
                + "<!-- expect: A/B@1 missing -->\n"
                + "(expect: a/b@1 missing)\n"
                + "<!-- expect: a/b@1 missing and more -->\n"
                + "<!-- expect-line: a/b@1 missing -->\n"
                // The forms before message ids: no column, no message id.
                + "<!-- expect: a/b -->\n"
                + "<!-- expect: a/b@3 -->\n"
                + "# expect: a/b missing\n";
        FixtureMarkers markers = FixtureMarkers.parse("dir/f.md", text);
        assertThat(markers.expectations()).isEmpty();
        assertThat(markers.problems()).hasSize(8).allSatisfy(p -> assertThat(p).contains("unknown expect marker form"));
        assertThat(markers.problems().get(0)).startsWith("dir/f.md:3:");
        assertThat(markers.problems().get(5)).startsWith("dir/f.md:8:");
        // "<!-- expect a/b -->" has no colon: prose, not an attempt at a marker form this check can see.
        assertThat(markers.strippedText()).isEqualTo(text);
    }

    @Test
    void proseMentioningExpectationsIsNotAMarker() {
        // Any word starting with "expect" followed by a colon counts as a marker attempt ("expected:"
        // is one), so fixtures keep such prose out; words merely containing it do not.
        FixtureMarkers markers = FixtureMarkers.parse("f.md", "The release expects a tag.\nUnexpected: yes\n");
        assertThat(markers.problems()).isEmpty();
        assertThat(markers.expectations()).isEmpty();
    }
}
