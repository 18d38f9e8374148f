package io.opsdoc.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixSafetyTest {
    private static final String DOC = "# Plan\n\n## Stages\n\n```\nkey: value\n```\n";

    @Test
    void addingLinesAndTagsIsSafe() {
        String after = "# Plan\n\n## Overview\n\nText.\n\n## Stages\n\n```yaml\nkey: value\n```\n";
        assertThat(FixSafety.onlyAddsOrRetags(DOC, after)).isTrue();
        assertThat(FixSafety.problem(DOC, after)).isEmpty();
        assertThat(FixSafety.onlyAddsOrRetags("~~~~\nx\n~~~~\n", "~~~~ shell\nx\n~~~~\n")).isTrue();
    }

    @Test
    void rewritingOrRemovingALineIsNot() {
        assertThat(FixSafety.problem(DOC, DOC.replace("## Stages", "## Pipeline Stages")))
                .as("the line is named by number, never quoted: it may hold a secret")
                .hasValueSatisfying(m -> assertThat(m).contains("line 3").doesNotContain("## Stages"));
        assertThat(FixSafety.onlyAddsOrRetags(DOC, DOC.replace("key: value\n", ""))).isFalse();
        assertThat(FixSafety.onlyAddsOrRetags("a\nb\n", "b\na\n")).as("order matters").isFalse();
    }

    @Test
    void onlyBareFencesMayGainATag() {
        assertThat(FixSafety.onlyAddsOrRetags("```json\n{}\n```\n", "```jsonc\n{}\n```\n")).isFalse();
        assertThat(FixSafety.onlyAddsOrRetags("text\n", "text yaml\n")).isFalse();
        assertThat(FixSafety.onlyAddsOrRetags("```\nx\n```\n", "````\nx\n```\n")).as("longer fence is no tag").isFalse();
        assertThat(FixSafety.onlyAddsOrRetags("```\nx\n```\n", "``` a`b\nx\n```\n")).isFalse();
    }

    /** Found by FixPropertyTest/FixEngineFuzzTest: a fence nested in a list item and quote keeps the markers on its line. */
    @Test
    void nestedFencesMayGainATagBehindTheirContainerMarkers() {
        assertThat(FixSafety.onlyAddsOrRetags("- >    ````\n  >    a: 1\n  >    ````\n",
                "- >    ````yaml\n  >    a: 1\n  >    ````\n")).isTrue();
        assertThat(FixSafety.onlyAddsOrRetags("1.   ~~~\n     x\n     ~~~\n", "1.   ~~~text\n     x\n     ~~~\n")).isTrue();
        assertThat(FixSafety.onlyAddsOrRetags("> ```\n> x\n> ```\n", "> ```bash\n> x\n> ```\n")).isTrue();
        assertThat(FixSafety.onlyAddsOrRetags("- text ```\n", "- text ```yaml\n")).as("not a fence").isFalse();
        assertThat(FixSafety.onlyAddsOrRetags("- ```\n", "+ ```yaml\n")).as("markers are kept").isFalse();
    }

    @Test
    void bomFinalNewlineAndCrlfAreKept() {
        assertThat(FixSafety.problem("\uFEFFa\n", "a\n")).isPresent();
        assertThat(FixSafety.problem("a\n", "a")).isPresent();
        assertThat(FixSafety.problem("a\r\nb\r\n", "a\r\nb\r\nc\n")).hasValueSatisfying(m -> assertThat(m).contains("CRLF"));
        assertThat(FixSafety.problem("\uFEFFa\r\nb\r\n", "\uFEFFa\r\nnew\r\nb\r\n")).isEmpty();
    }

    @Test
    void evenATrailingCommaInJsonIsNotDeleted() {
        // syntax/json offers that deletion as a suggestion only: fix never drops a character.
        String json = "# Plan\n\n```json\n{\n  \"a\": [1, 2,]\n}\n```\n";
        assertThat(FixSafety.problem(json, json.replace("[1, 2,]", "[1, 2]"))).isPresent();
        String nested = "- step\n\n  ```json\n  {\"a\": 1,\n  }\n  ```\n";
        assertThat(FixSafety.problem(nested, nested.replace("1,", "1"))).isPresent();
    }
}
