package io.opsdoc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.rules.FixtureMarkers.Expectation;
import org.junit.jupiter.api.Test;

/** The fixture runner's marker handling: what it expects, what the rules see, what it rejects. */
class FixtureMarkersTest {

    @Test
    void markersAreRemovedWithoutMovingAnything() {
        String text = "# Title\r\n"
                + "Some prose. <!-- expect: a/b -->\r\n"
                + "<!-- expect-next-line: a/b@3 -->\r\n"
                + "  image: x:latest # expect: a/b, a/b@10\n"
                + "for: 1m  # opsdoc-disable-line c/d -- expect: e/f\n"
                + "x <!-- expect-line-1: a/b --> y\n";
        FixtureMarkers markers = FixtureMarkers.parse("f.md", text);
        assertThat(markers.problems()).isEmpty();
        assertThat(markers.strippedText()).isEqualTo("# Title\r\n"
                + "Some prose.\r\n"
                + "\r\n"
                + "  image: x:latest\n"
                + "for: 1m  # opsdoc-disable-line c/d\n"
                + "x " + " ".repeat("<!-- expect-line-1: a/b -->".length()) + " y\n");
        assertThat(markers.expectations()).containsExactly(
                new Expectation(2, 0, "a/b"),
                new Expectation(4, 3, "a/b"),
                new Expectation(4, 0, "a/b"),
                new Expectation(4, 10, "a/b"),
                new Expectation(5, 0, "e/f"),
                new Expectation(1, 0, "a/b"));
    }

    @Test
    void unknownMarkerFormsAreRejectedWithFileAndLine() {
        String text = "ok\n"
                + "<!-- expect a/b -->\n"
                + "<!-- expects: a/b -->\n"
                + "<!-- expect: A/B -->\n"
                + "(expect: a/b)\n"
                + "<!-- expect: a/b and more -->\n"
                + "<!-- expect-line: a/b -->\n";
        FixtureMarkers markers = FixtureMarkers.parse("dir/f.md", text);
        assertThat(markers.expectations()).isEmpty();
        assertThat(markers.problems()).hasSize(5).allSatisfy(p -> assertThat(p).contains("unknown expect marker form"));
        assertThat(markers.problems().get(0)).startsWith("dir/f.md:3:");
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
