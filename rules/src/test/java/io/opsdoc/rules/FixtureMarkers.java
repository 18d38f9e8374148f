package io.opsdoc.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code expect} markers of one fixture file: parsed, validated and stripped.
 *
 * <p>A marker is a comment holding {@code expect: ITEMS}, {@code expect-next-line: ITEMS} or
 * {@code expect-line-N: ITEMS}, where ITEMS is one or more {@code family/name@COLUMN message-id}
 * separated by commas: a finding of rule {@code family/name} starting at that 1-based column (UTF-16
 * units) of the marked line, reporting the rule's message {@code message-id} (a repeated item
 * expects that many findings). The older forms without a column or a message id are rejected. The
 * comment is an HTML comment ({@code <!-- expect: ... -->}, nothing else inside it), or runs to the
 * end of the line after {@code #}, {@code //} or {@code --} (YAML/HCL/shell, JSON5/HCL, and the
 * reason of an {@code opsdoc-disable} suppression comment).
 *
 * <p>Stripping, before the fixture is linted, so no rule ever sees a marker: a marker comment
 * (opener and closer included) that ends its line is removed together with the blanks before it,
 * and one followed by more text on its line is replaced by spaces. Lines are never removed and
 * nothing before a marker moves, so every line and column a finding reports is the one in the
 * fixture file (a marker-only line becomes an empty line). Goldens are stripped the same way before
 * comparison. Any other occurrence of {@code expect...:} on a line is an unknown marker form and
 * rejected, so a misspelt marker can never silently expect nothing.
 */
record FixtureMarkers(String strippedText, List<Expectation> expectations, List<String> problems) {

    /** One expected finding: where it starts, which rule reports it and with which of its messages. */
    record Expectation(int line, int column, String ruleId, String messageId) {
        /** {@code line:column ruleId messageId}, the form findings are compared in. */
        String key() {
            return line + ":" + column + " " + ruleId + " " + messageId;
        }
    }

    private static final String ID = "[a-z0-9-]+/[a-z0-9-]+@\\d+[ \\t]+[a-z][a-z0-9-]*";
    private static final String BODY = "expect(-next-line|-line-(\\d+))?:[ \\t]*(" + ID + "(?:[ \\t]*,[ \\t]*" + ID + ")*)";
    private static final Pattern HTML_MARKER = Pattern.compile("<!--[ \\t]*" + BODY + "[ \\t]*-->");
    private static final Pattern LINE_MARKER = Pattern.compile("(?:#|//|(?<!<!)--)[ \\t]*" + BODY + "[ \\t]*$");
    /** Anything that looks like an attempt at a marker: the word expect, an optional suffix, a colon. */
    private static final Pattern LOOKS_LIKE_MARKER = Pattern.compile("(?<![A-Za-z0-9_-])expect[A-Za-z0-9_-]*[ \\t]*:");

    static FixtureMarkers parse(String displayPath, String text) {
        StringBuilder stripped = new StringBuilder(text.length());
        List<Expectation> expectations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int lineStart = 0;
        int line = 1;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int contentEnd = lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            String content = text.substring(lineStart, contentEnd);
            StringBuilder rest = new StringBuilder(content);
            for (Pattern pattern : List.of(HTML_MARKER, LINE_MARKER)) {
                Matcher m = pattern.matcher(rest.toString());
                while (m.find()) {
                    int target = line;
                    if ("-next-line".equals(m.group(1))) {
                        target = line + 1;
                    } else if (m.group(2) != null) {
                        target = Integer.parseInt(m.group(2));
                    }
                    for (String item : m.group(3).split(",")) {
                        String[] words = item.strip().split("[ \\t]+");
                        int at = words[0].indexOf('@');
                        expectations.add(new Expectation(target, Integer.parseInt(words[0].substring(at + 1)),
                                words[0].substring(0, at), words[1]));
                    }
                    for (int i = m.start(); i < m.end(); i++) {
                        rest.setCharAt(i, REMOVED);
                    }
                }
            }
            if (LOOKS_LIKE_MARKER.matcher(rest).find()) {
                problems.add(displayPath + ":" + line + ": unknown expect marker form: " + content.strip());
            }
            stripped.append(strip(rest)).append(text, contentEnd, newline < 0 ? lineEnd : newline + 1);
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
            line++;
        }
        return new FixtureMarkers(stripped.toString(), List.copyOf(expectations), List.copyOf(problems));
    }

    private static final char REMOVED = '\0';

    /** Drops trailing markers with the blanks before them; a marker with text after it becomes spaces. */
    private static String strip(StringBuilder line) {
        int end = line.length();
        boolean marker = false;
        while (end > 0 && (line.charAt(end - 1) == REMOVED || line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            marker |= line.charAt(end - 1) == REMOVED;
            end--;
        }
        String kept = marker ? line.substring(0, end) : line.toString();
        return kept.replace(REMOVED, ' ');
    }
}
