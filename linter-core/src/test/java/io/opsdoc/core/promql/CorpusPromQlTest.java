package io.opsdoc.core.promql;

import io.opsdoc.core.testing.SharedCorpus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Parses the PromQL found in the shared Markdown corpus (when it is present): {@code expr:} values of
 * YAML fences and the content of {@code promql} fences. Templated or elided snippets are skipped.
 */
class CorpusPromQlTest {

    /** A PromQL snippet and where it came from. */
    record Snippet(Path file, int line, String text) {
    }

    private static final Pattern EXPR_KEY = Pattern.compile("^(\\s*(?:-\\s+)?)expr:\\s*(.*)$");
    private static final Pattern TEMPLATED = Pattern.compile("\\{\\{|\\$[A-Za-z_{(]|\\.\\.\\.|…");

    /**
     * Failures inspected by hand, identified by file name and a fragment of the snippet. Each is
     * either broken PromQL in the source document or not PromQL at all (see comments).
     */
    private static final List<String[]> KNOWN_FAILURES = List.of(
        // Pseudo-PromQL in a blog post: '//' comments and unquoted dotted OpenTelemetry names, which
        // real PromQL only accepts quoted ({"transaction.count"}); rejected by Prometheus as well.
        new String[] {"blog/2025/how-to-name-your-metrics.md", "sum(transaction.count)"},
        // OTTL (OpenTelemetry Transformation Language) condition under an 'expr:' key, not PromQL.
        new String[] {"zero-code/obi/trace-log-correlation.md", "body matches"});

    @Test
    void corpusPromQlParses() throws IOException {
        Path corpus = SharedCorpus.find().orElse(null);
        assumeTrue(corpus != null, "shared/corpus not found above the working directory");
        List<Snippet> snippets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                snippets.addAll(extract(file, readLines(file)));
            }
        }
        int skipped = 0;
        int passed = 0;
        List<String> failures = new ArrayList<>();
        int known = 0;
        for (Snippet raw : snippets) {
            // Grafana's interval variables stand for a duration; substituting one keeps the query checkable.
            Snippet s = new Snippet(raw.file(), raw.line(),
                raw.text().replaceAll("\\$__(rate_interval|interval|range)\\b", "5m"));
            if (TEMPLATED.matcher(s.text()).find() || s.text().isBlank()) {
                skipped++;
                System.out.println("  skipped " + corpus.relativize(s.file()) + ":" + s.line() + ": "
                    + s.text().replace("\n", " ").substring(0, Math.min(100, s.text().replace("\n", " ").length())));
                continue;
            }
            PromQlResult result = PromQlParser.parse(s.text());
            if (result.ok() || isListOfSeries(s.text())) {
                passed++;
            } else if (isKnownFailure(s)) {
                known++;
            } else {
                PromQlError e = result.error().orElseThrow();
                failures.add(corpus.relativize(s.file()) + ":" + s.line() + ": " + e.message() + " @" + e.offset()
                    + "\n    " + s.text().replace("\n", "\n    "));
            }
        }
        int checked = snippets.size() - skipped;
        System.out.printf(Locale.ROOT, "corpus PromQL: %d snippets, %d skipped (templated), %d checked, %d passed,"
            + " %d known failures, %d unexpected failures%n", snippets.size(), skipped, checked, passed,
            known, failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(checked).isPositive();
        assertThat(failures).as("unexpected corpus failures").isEmpty();
        // Everything that is PromQL at all must parse; known failures are not PromQL (see list).
        assertThat((double) passed / (checked - known)).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Some promql fences list several example series, one per line, rather than one expression;
     * such a fence counts as passing when every line parses on its own.
     */
    private static boolean isListOfSeries(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.size() > 1 && lines.stream().allMatch(l -> PromQlParser.parse(l).ok());
    }

    private static boolean isKnownFailure(Snippet s) {
        for (String[] known : KNOWN_FAILURES) {
            if (s.file().toString().replace('\\', '/').endsWith(known[0]) && s.text().contains(known[1])) {
                return true;
            }
        }
        return false;
    }


    private static List<String> readLines(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                return List.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString().split("\\r?\\n", -1));
            } catch (CharacterCodingException e) {
                return List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\\r?\\n", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Line-based fence scanner: yaml/yml fences yield expr values, promql fences their whole body. */
    static List<Snippet> extract(Path file, List<String> lines) {
        List<Snippet> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String trimmed = lines.get(i).stripLeading();
            String fence = fenceMarker(trimmed);
            if (fence == null) {
                i++;
                continue;
            }
            String info = trimmed.substring(fence.length()).trim().toLowerCase(Locale.ROOT);
            String lang = info.split("[\\s{]", 2)[0];
            int bodyStart = i + 1;
            int end = bodyStart;
            while (end < lines.size() && !lines.get(end).strip().startsWith(fence)) {
                end++;
            }
            List<String> body = lines.subList(bodyStart, Math.min(end, lines.size()));
            if (lang.equals("promql")) {
                out.add(new Snippet(file, bodyStart + 1, String.join("\n", body).strip()));
            } else if (lang.equals("yaml") || lang.equals("yml")) {
                out.addAll(exprValues(file, bodyStart, body));
            }
            i = end + 1;
        }
        return out;
    }

    private static String fenceMarker(String trimmed) {
        for (String f : new String[] {"````", "```", "~~~"}) {
            if (trimmed.startsWith(f)) {
                return f;
            }
        }
        return null;
    }

    private static List<Snippet> exprValues(Path file, int firstLine, List<String> body) {
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Matcher m = EXPR_KEY.matcher(body.get(i));
            if (!m.matches()) {
                continue;
            }
            int keyIndent = m.group(1).length();
            String value = m.group(2).strip();
            StringBuilder text = new StringBuilder();
            if (value.startsWith("|") || value.startsWith(">")) {
                // Block scalar: every following line indented deeper than the key (or blank).
                int j = i + 1;
                while (j < body.size() && (body.get(j).isBlank() || indent(body.get(j)) > keyIndent)) {
                    text.append(body.get(j).strip()).append('\n');
                    j++;
                }
            } else if (value.startsWith("'") && value.endsWith("'") && value.length() > 1) {
                text.append(value, 1, value.length() - 1);
                replaceAll(text, "''", "'");
            } else if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1) {
                text.append(value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"));
            } else {
                // Plain scalar, possibly continued on deeper-indented lines.
                text.append(value);
                int j = i + 1;
                while (j < body.size() && !body.get(j).isBlank() && indent(body.get(j)) > keyIndent
                    && !body.get(j).strip().matches("^[A-Za-z_]+:.*")) {
                    text.append('\n').append(body.get(j).strip());
                    j++;
                }
            }
            out.add(new Snippet(file, firstLine + i + 1, text.toString().strip()));
        }
        return out;
    }

    private static void replaceAll(StringBuilder sb, String from, String to) {
        String replaced = sb.toString().replace(from, to);
        sb.setLength(0);
        sb.append(replaced);
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
