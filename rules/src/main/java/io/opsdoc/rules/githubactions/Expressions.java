package io.opsdoc.rules.githubactions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code ${{ }}} expressions in a string and the untrusted contexts they read. */
final class Expressions {
    private static final String RESOURCE = "untrusted-contexts.txt";

    private Expressions() {
    }

    /**
     * One expression occurrence.
     *
     * @param start index of {@code $} of {@code ${{} in the scanned string
     * @param end index just after the closing {@code }}} (or the string end when unclosed)
     * @param occurrence 0-based count of {@code ${{} before this one in the string
     */
    record Expression(int start, int end, int occurrence, String body) {
    }

    private static final class Holder {
        static final List<String[]> UNTRUSTED = load();
    }

    static List<Expression> find(String text) {
        List<Expression> result = new ArrayList<>();
        int from = 0;
        int occurrence = 0;
        while (true) {
            int start = text.indexOf("${{", from);
            if (start < 0) {
                return result;
            }
            int close = closing(text, start + 3);
            int end = close < 0 ? text.length() : close + 2;
            String body = text.substring(start + 3, close < 0 ? text.length() : close);
            result.add(new Expression(start, end, occurrence++, body));
            from = start + 3;
        }
    }

    /** Index of the {@code }}} closing an expression, skipping string literals. */
    private static int closing(String text, int from) {
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The first untrusted context the expression body reads, as written (normalised). */
    static Optional<String> untrustedContext(String body) {
        for (String path : contextPaths(body)) {
            String[] segments = path.split("\\.");
            for (String[] pattern : Holder.UNTRUSTED) {
                if (matches(segments, pattern)) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String[] segments, String[] pattern) {
        if (segments.length < pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Property paths in an expression, lower case (contexts are case-insensitive), with
     * {@code ['name']} read as {@code .name} and any index as {@code *}. String literals are skipped.
     */
    static List<String> contextPaths(String body) {
        List<String> paths = new ArrayList<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\'') {
                int close = body.indexOf('\'', i + 1);
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (!isIdentStart(c) || i > 0 && (isIdentPart(body.charAt(i - 1)) || body.charAt(i - 1) == '.')) {
                i++;
                continue;
            }
            StringBuilder path = new StringBuilder();
            int j = identEnd(body, i);
            path.append(body, i, j);
            while (j < n) {
                char d = body.charAt(j);
                if (d == '.' && j + 1 < n && body.charAt(j + 1) == '*') {
                    path.append(".*");
                    j += 2;
                } else if (d == '.' && j + 1 < n && isIdentStart(body.charAt(j + 1))) {
                    int e = identEnd(body, j + 1);
                    path.append('.').append(body, j + 1, e);
                    j = e;
                } else if (d == '[') {
                    int close = body.indexOf(']', j);
                    if (close < 0) {
                        break;
                    }
                    String inner = body.substring(j + 1, close).strip();
                    if (inner.length() >= 2 && inner.startsWith("'") && inner.endsWith("'")) {
                        path.append('.').append(inner, 1, inner.length() - 1);
                    } else {
                        path.append(".*");
                    }
                    j = close + 1;
                } else {
                    break;
                }
            }
            paths.add(path.toString().toLowerCase(Locale.ROOT));
            i = j;
        }
        return paths;
    }

    private static int identEnd(String s, int from) {
        int j = from;
        while (j < s.length() && isIdentPart(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static List<String[]> load() {
        List<String[]> patterns = new ArrayList<>();
        try (InputStream in = Expressions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    patterns.add(t.toLowerCase(Locale.ROOT).split("\\."));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(patterns);
    }
}
