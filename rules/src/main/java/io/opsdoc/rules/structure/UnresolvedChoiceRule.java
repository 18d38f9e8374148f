package io.opsdoc.rules.structure;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.ProseMask;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template choice left open: a bold label followed by two or more alternatives separated by
 * " / " ({@code **Cloud**: AWS / Azure / GCP}), or such a value in a table cell. A slash without
 * spaces ({@code CI/CD}, {@code and/or}) is not a separator.
 */
final class UnresolvedChoiceRule implements DocumentRule {
    static final String ID = "structure/unresolved-choice";

    /** Optional block-quote/list/task prefix, a bold label (colon inside or after), then the value. */
    private static final Pattern LABELLED = Pattern.compile(
            "^[ \\t]*(?:>[ \\t]*)*(?:(?:[-*+]|\\d{1,3}[.)])[ \\t]+)?(?:\\[[ xX]\\][ \\t]+)?"
                    + "(\\*\\*|__)([^*_\\n]{1,60}?)\\1[ \\t]*(?:[:\\u2013\\u2014-][ \\t]*)?(\\S.*)$");
    private static final String SEPARATOR = " / ";
    /** Column headers that announce a choice, for table cells without a bold label. */
    private static final List<String> CHOICE_HEADERS = List.of(
            "tool", "choice", "option", "technology", "provider", "platform", "selection", "decision", "vendor");
    private static final int MAX_WORDS = 5;
    /** A threshold such as `> 20` or `>= 99.9`: the value is a quantity, not a name. */
    private static final Pattern COMPARISON = Pattern.compile("[<>\u2264\u2265]=?\\s*\\d");
    private static final int MAX_LENGTH = 40;

    private static final String HELP = """
            Plan templates offer alternatives (`**CI/CD Tool**: GitHub Actions / GitLab CI / Jenkins`,
            `**Cloud**: AWS / Azure / GCP`) for the author to pick from. Left in place, the choice
            tells the reader nothing, and every later section has to guess which option the plan
            is built on.

            Reported: a bold label followed by two or more alternatives separated by a slash with
            spaces on both sides, in a paragraph or list item; and a table cell holding only such
            alternatives when the row starts with a bold label or the column header names a choice
            (Tool, Option, Provider, Platform, Technology, Decision, Vendor). At least two of the
            alternatives must be well-known options of one kind (clouds, CI servers, databases,
            metrics backends, deployment strategies, ...): plans write `A / B` for many things
            that are not choices, so names opsdoc does not know are not judged. A slash without spaces
            (`CI/CD`, `TCP/IP`, `and/or`) and slashes inside code spans are not choices; numeric
            splits such as `90 / 10` are not reported. Neither are rates and thresholds
            (`> 20 failures / minute`, `$300 / month`), the parts of one environment
            (`**Production**: Railway / Neon`, or a table row that starts with an environment), and
            known tools of different kinds (`Next.js / FastAPI / PostgreSQL` and
            `Prometheus / Grafana / Alertmanager` are stacks, not choices). The word lists are in
            `choices.yaml`.

            **How to fix**: keep the option the plan actually uses, optionally with the reason:

            ```markdown
            **CI/CD Tool**: GitHub Actions (the code already lives on GitHub; OIDC to AWS)
            **Cloud**: AWS (eu-west-1, with eu-central-1 for disaster recovery)
            ```
            """;

    static final Message UNRESOLVED = Message.of("unresolved",
            "'{0}' still offers {1} alternatives; keep only the one the plan uses");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "A template choice left open, such as `AWS / Azure / GCP`", HELP, List.of("structure"))
            .withMessages(UNRESOLVED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        MarkdownDocument document = context.document();
        SourceFile source = document.source();
        String text = source.text();
        // Only a value with " / " can be reported: lines and cells without it are skipped before
        // any regex, and the prose mask is built only when some line or cell holds one.
        int firstSeparator = text.indexOf(SEPARATOR);
        if (firstSeparator < 0) {
            return;
        }
        ProseMask mask = new ProseMask(document);
        Set<Integer> tableLines = new HashSet<>();
        for (Table table : document.tables()) {
            for (int line = table.range().start().line(); line <= table.range().end().line(); line++) {
                tableLines.add(line);
            }
        }
        Set<Integer> reported = new HashSet<>();
        for (int at = firstSeparator; at >= 0; ) {
            int line = source.position(at).line();
            int lineStart = source.lineStart(line);
            if (!tableLines.contains(line) && mask.isProse(lineStart)) {
                Matcher m = LABELLED.matcher(source.lineText(line));
                if (m.matches() && !Choices.environmentLabel(m.group(2))) {
                    check(context, document, mask, lineStart + m.start(3), m.group(3), m.group(2).strip(), reported);
                }
            }
            int next = line < source.lineCount() ? source.lineStart(line + 1) : text.length();
            at = next >= text.length() ? -1 : text.indexOf(SEPARATOR, next);
        }
        for (Table table : document.tables()) {
            if (!holdsSeparator(text, table.range().start().offset(), table.range().end().offset())) {
                continue;
            }
            for (List<TableCell> row : table.rows()) {
                if (row.size() < 2 || !holdsSeparator(text, row.get(1).range().start().offset(),
                        row.get(row.size() - 1).range().end().offset())) {
                    continue;
                }
                if (Choices.environmentLabel(row.get(0).text())) {
                    // A per-environment row lists that environment's parts (`Production | Railway / Neon`).
                    continue;
                }
                boolean boldLabel = rawText(source, row.get(0)).startsWith("**");
                for (int i = 1; i < row.size(); i++) {
                    TableCell cell = row.get(i);
                    if (!holdsSeparator(text, cell.range().start().offset(), cell.range().end().offset())) {
                        continue;
                    }
                    String raw = rawText(source, cell);
                    int start = cell.range().start().offset() + rawOffset(source, cell);
                    Matcher m = LABELLED.matcher(raw);
                    if (m.matches()) {
                        if (Choices.environmentLabel(m.group(2))) {
                            continue;
                        }
                        check(context, document, mask, start + m.start(3), m.group(3), m.group(2).strip(), reported);
                    } else if (boldLabel || choiceHeader(table, i)) {
                        String label = boldLabel ? row.get(0).text().strip() : table.header().get(i).text().strip();
                        check(context, document, mask, start, raw, label, reported);
                    }
                }
            }
        }
    }

    /** True when {@code text[from, to)} holds the separator " / ". */
    private static boolean holdsSeparator(String text, int from, int to) {
        int at = text.indexOf(SEPARATOR, from);
        return at >= 0 && at + SEPARATOR.length() <= to;
    }

    /** Reports {@code value} (starting at file offset {@code start}) when it is a list of open alternatives. */
    private static void check(DocumentContext context, MarkdownDocument document, ProseMask mask, int start,
            String value, String label, Set<Integer> reported) {
        // A trailing HTML comment is not part of the value.
        String trimmed = value.substring(0, mask.commentStart(start, start + value.length()) - start).stripTrailing();
        List<int[]> separators = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = trimmed.indexOf(SEPARATOR, from);
            if (at < 0) {
                break;
            }
            if (inProse(document, mask, start + at + 1)) {
                separators.add(new int[] {at, at + SEPARATOR.length()});
            }
            from = at + SEPARATOR.length();
        }
        if (separators.isEmpty()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        int cursor = 0;
        for (int[] sep : separators) {
            alternatives.add(trimmed.substring(cursor, sep[0]));
            cursor = sep[1];
        }
        alternatives.add(trimmed.substring(cursor));
        for (String alternative : alternatives) {
            if (!looksLikeOption(alternative)) {
                return;
            }
        }
        if (rate(alternatives) || !sameKind(alternatives)) {
            return;
        }
        if (reported.add(start)) {
            String label2 = label.endsWith(":") ? label.substring(0, label.length() - 1).strip() : label;
            context.report(document.source().range(start, start + trimmed.length()), UNRESOLVED, label2,
                    alternatives.size());
        }
    }

    /** A short name-like alternative: starts with a letter or markup, has a letter, no sentence punctuation. */
    private static boolean looksLikeOption(String alternative) {
        String text = alternative.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.contains(", ") || text.contains("; ") || text.contains(". ")) {
            return false;
        }
        if (!text.chars().anyMatch(Character::isLetter)) {
            return false;
        }
        String plain = text.replaceAll("[*_`]", "");
        // A name starts with a letter (or the dot of `.NET`); `> 20 failures` or `$300` is a quantity.
        return !plain.isEmpty() && (Character.isLetter(plain.charAt(0)) || plain.charAt(0) == '.')
                && plain.split("\\s+").length <= MAX_WORDS;
    }

    /** `errors / minute`, `> 20 failures / minute for 5m`: a unit after the slash or a comparison makes it a rate. */
    private static boolean rate(List<String> alternatives) {
        return alternatives.stream().anyMatch(a -> COMPARISON.matcher(a).find())
                || alternatives.subList(1, alternatives.size()).stream()
                        .anyMatch(a -> Choices.rateUnit(a.strip().split("[\\s,.;:)]+", 2)[0]));
    }

    /**
     * A choice offers known alternatives of one kind (`AWS / Azure / GCP`): at least two of them
     * known with the same kind and none with another. Known tools of different kinds
     * (`Railway / Neon`) are the parts of a stack; unknown names are not judged.
     */
    private static boolean sameKind(List<String> alternatives) {
        List<String> kinds = alternatives.stream().map(Choices::toolKind).flatMap(java.util.Optional::stream).toList();
        return kinds.size() >= 2 && kinds.stream().distinct().count() == 1;
    }

    /** The separator's slash must be prose (not inside a code span). */
    private static boolean inProse(MarkdownDocument document, ProseMask mask, int offset) {
        return mask.isProse(offset) && document.inProse(offset);
    }

    private static boolean choiceHeader(Table table, int column) {
        if (column >= table.header().size()) {
            return false;
        }
        String header = table.header().get(column).text().toLowerCase(Locale.ROOT);
        return CHOICE_HEADERS.stream().anyMatch(header::contains);
    }

    /** The cell's source text without the surrounding pipes and padding. */
    private static String rawText(SourceFile source, TableCell cell) {
        String raw = source.text().substring(cell.range().start().offset(), cell.range().end().offset());
        int lead = rawOffset(source, cell);
        String body = raw.substring(lead);
        int end = body.length();
        while (end > 0 && (body.charAt(end - 1) == '|' || Character.isWhitespace(body.charAt(end - 1)))) {
            end--;
        }
        return body.substring(0, end);
    }

    private static int rawOffset(SourceFile source, TableCell cell) {
        String raw = source.text().substring(cell.range().start().offset(), cell.range().end().offset());
        int lead = 0;
        while (lead < raw.length() && (raw.charAt(lead) == '|' || Character.isWhitespace(raw.charAt(lead)))) {
            lead++;
        }
        return lead;
    }
}
