package io.opsdoc.core.embedded;

import java.util.regex.Pattern;

/** Classifies snippets that are not meant to be complete: elided or templated. */
public final class Snippets {
    private static final Pattern ELISION_LINE = Pattern.compile(
            "^\\s*(?:[-*]\\s*)?(?:\\.\\.\\.|\u2026|\\(\\.\\.\\.\\)|\\[\\.\\.\\.]|\\{\\.\\.\\.}|<\\.\\.\\.>|"
                    + "(?://|#)\\s*\\.\\.\\..*|<\\s*\\.\\.\\..*\\.\\.\\.\\s*>|\\.\\.\\.\\s*(?:snip|omitted|more).*)\\s*,?\\s*$"
                    + "|^\\s*[\\w\"'.-]+\\s*[:=]\\s*(?:\\.\\.\\.|\u2026|\\{\\s*\\.\\.\\.\\s*}|\\[\\s*\\.\\.\\.\\s*])\\s*,?\\s*$"
                    + "|^.*<\\s*(?:snip|\\.\\.\\.)[^>]*>.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{|\\{%|\\{!|\\{#|<%|\\$\\{\\{");

    private Snippets() {
    }

    /** True when some line only says "something was left out here". */
    public static boolean elided(String content) {
        for (String line : content.split("\n", -1)) {
            if (line.length() <= 300 && ELISION_LINE.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True when the snippet uses a template language (Helm/Go, Jinja, mkdocs includes, ERB). */
    public static boolean templated(String content) {
        return TEMPLATE.matcher(content).find();
    }
}
