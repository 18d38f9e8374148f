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

    @Test
    void bomFinalNewlineAndCrlfAreKept() {
        assertThat(FixSafety.problem("\uFEFFa\n", "a\n")).isPresent();
        assertThat(FixSafety.problem("a\n", "a")).isPresent();
        assertThat(FixSafety.problem("a\r\nb\r\n", "a\r\nb\r\nc\n")).hasValueSatisfying(m -> assertThat(m).contains("CRLF"));
        assertThat(FixSafety.problem("\uFEFFa\r\nb\r\n", "\uFEFFa\r\nnew\r\nb\r\n")).isEmpty();
    }

    private static final String JSON_DOC = "# Plan\n\n```json\n{\n  \"a\": [1, 2,],\n  \"b\": \"x, \",\n  \"c\": 3, // last\n  /* end */\n}\n```\n";

    @Test
    void removingATrailingCommaInAJsonBlockIsSafe() {
        assertThat(FixSafety.problem(JSON_DOC, JSON_DOC.replace("[1, 2,]", "[1, 2]"))).isEmpty();
        assertThat(FixSafety.problem(JSON_DOC, JSON_DOC.replace("3, // last", "3 // last"))).isEmpty();
        String nested = "- step\n\n  ```json\n  {\"a\": 1,\n  }\n  ```\n";
        assertThat(FixSafety.problem(nested, nested.replace("1,", "1"))).isEmpty();
        String crlf = "```json\r\n{\"a\": 1,\r\n}\r\n```\r\n";
        assertThat(FixSafety.problem(crlf, crlf.replace("1,", "1"))).isEmpty();
    }

    @Test
    void otherDeletionsStayForbidden() {
        assertThat(FixSafety.problem(JSON_DOC, JSON_DOC.replace("\"a\": [1, 2,]", "\"a\": [1 2,]")))
                .as("a comma that separates values").isPresent();
        assertThat(FixSafety.problem(JSON_DOC, JSON_DOC.replace("\"x, \"", "\"x \""))).as("inside a string").isPresent();
        assertThat(FixSafety.problem(JSON_DOC, JSON_DOC.replace("[1, 2,]", "[1, 2]").replace("3, // last", "3 // last")
                .replace("/* end */", "/* end")))
                .as("anything else changed on top").isPresent();
        String yaml = "```yaml\nitems: [1, 2,]\n```\n";
        assertThat(FixSafety.problem(yaml, yaml.replace("2,]", "2]"))).as("outside a json block").isPresent();
        String prose = "A list: [1, 2,]\n";
        assertThat(FixSafety.problem(prose, prose.replace("2,]", "2]"))).as("in prose").isPresent();
        String twoCommas = "```json\n[1,,\n]\n```\n";
        assertThat(FixSafety.problem(twoCommas, twoCommas.replace(",,", ""))).as("two characters").isPresent();
        String notClosing = "```json\n{\"a\": 1,\n\"b\": 2}\n```\n";
        assertThat(FixSafety.problem(notClosing, notClosing.replace("1,", "1"))).as("a value follows").isPresent();
        String afterFence = "```json\n[1,\n```\n]\n";
        assertThat(FixSafety.problem(afterFence, afterFence.replace("1,", "1"))).as("bracket after the block").isPresent();
    }
}
