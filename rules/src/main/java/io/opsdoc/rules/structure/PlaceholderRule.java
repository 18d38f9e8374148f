package io.opsdoc.rules.structure;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.ProseMask;
import io.opsdoc.core.markdown.Link;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.ProseSegment;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template leftovers in prose: TODO/TBD/FIXME/XXX as whole words, bracketed fill-ins and the
 * documentation-reserved example.com host family. Code spans, code blocks and HTML comments are
 * not prose and are never reported.
 */
final class PlaceholderRule implements DocumentRule {
    static final String ID = "structure/placeholder";

    /** Square brackets that are not a link, an image, a footnote or a reference definition. */
    private static final Pattern BRACKETS = Pattern.compile("(?<![\\w!\\]\\\\])\\[([^\\[\\]\\n^][^\\[\\]\\n]{0,79})\\](?![(\\[:])");
    /** Angle brackets holding words only (no attributes, URLs or e-mail addresses). */
    /** The host pattern cannot match without this text; checking it first keeps long prose cheap. */
    private static final String HOST_ANCHOR = "example.";
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%].{0,300}?[>%]\\}\\}");
    /** How far before a host an example cue ("e.g.", "such as") may stand. */
    private static final int CUE_WINDOW = 40;
    private static final Pattern ANGLES = Pattern.compile("(?<![\\w\\\\])<([A-Za-z][A-Za-z0-9 _-]{0,59})>");

    private static final String HELP = """
            Planning documents often start from a template, and its leftovers read as if the plan
            were finished: `TODO`, `TBD`, `FIXME` or `XXX`, fill-ins such as `<your-team>` or
            `[insert date]`, and the documentation-reserved `example.com` / `example.org` /
            `example.net` hosts (also as sub-domains like `app.example.com`, in links and e-mail
            addresses). Note that `<your-team>` is not even visible on GitHub: a Markdown renderer
            treats it as an unknown HTML tag and drops it.

            Only prose is checked: code spans and code blocks (where `example.com` is a legitimate
            sample) and HTML comments are not. The words must be upper case and whole words, so
            "backfill in batches" or "a todo list" are fine. Square brackets count only when the
            text asks to be filled in (`[insert date]`, `[your team]`, `[placeholder]`,
            `[SERVICE_NAME]`); links, task-list boxes, footnotes and `[1]` are not reported. Angle
            brackets count unless they hold a known HTML element (`<br>`, `<details>`).

            Not reported: a word that is quoted or talked about ("the last 'TODO'", "the TODO
            about caching", "TBD wording"), identifiers in brackets (`[G-1]`, `[ADR-014]`),
            Hugo shortcodes (`{{< youtube id >}}`), and hosts given as samples: in quotes or
            after "e.g.", "for example" or "such as".

            **How to fix**: replace the leftover with the real content:

            ```markdown
            **Owner**: Payments platform team (#payments-oncall)
            **Go-live**: 2025-03-04
            **Public endpoint**: https://checkout.acme-shop.io
            ```
            """;

    static final Message LEFTOVER_WORD = Message.of("leftover",
            "'{0}' is left in the text; replace it with the actual content");
    static final Message FILL_IN = Message.of("fill-in",
            "template fill-in '{0}' is left in the text; replace it with the actual value");
    static final Message ANGLE_FILL_IN = Message.of("angle-fill-in",
            "'{0}' reads as an unknown HTML tag that renderers hide; replace it with the actual value or put "
                    + "it in a code span");
    static final Message EXAMPLE_HOST = Message.of("example-host",
            "'{0}' is a host reserved for documentation; use the real host name");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Template leftovers in prose: TODO, TBD, fill-ins, example.com hosts", HELP, List.of("structure"))
            .withMessages(LEFTOVER_WORD, FILL_IN, ANGLE_FILL_IN, EXAMPLE_HOST);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        MarkdownDocument document = context.document();
        String text = document.text();
        Set<Integer> reported = new HashSet<>();
        // Each pattern is run only where its literal part occurs: most documents hold no
        // placeholder word, no example host and few brackets, and the regexes would otherwise be
        // tried at every position of the text.
        boolean words = Placeholders.mayHoldWord(text);
        boolean hostsInText = text.contains(HOST_ANCHOR);
        for (ProseSegment segment : words || hostsInText ? document.prose() : List.<ProseSegment>of()) {
            if (words && Placeholders.mayHoldWord(segment.text())) {
                Matcher matcher = Placeholders.words().matcher(segment.text());
                while (matcher.find()) {
                    if (!mention(text, segment.offset() + matcher.start(), segment.offset() + matcher.end())) {
                        report(context, reported, segment.offset() + matcher.start(), segment.offset() + matcher.end(),
                                LEFTOVER_WORD, matcher.group());
                    }
                }
            }
            if (!segment.text().contains(HOST_ANCHOR)) {
                continue;
            }
            Matcher hosts = Placeholders.host().matcher(segment.text());
            while (hosts.find()) {
                reportHost(context, reported, text, segment.offset() + hosts.start(), segment.offset() + hosts.end(),
                        hosts.group());
            }
        }
        for (Link link : hostsInText ? document.links() : List.<Link>of()) {
            int start = link.urlRange().start().offset();
            int end = link.urlRange().end().offset();
            if (end <= start || end > text.length()) {
                continue;
            }
            String url = text.substring(start, end);
            if (!url.contains(HOST_ANCHOR)) {
                continue;
            }
            Matcher hosts = Placeholders.host().matcher(url);
            while (hosts.find()) {
                reportHost(context, reported, text, start + hosts.start(), start + hosts.end(), hosts.group());
            }
        }
        if (text.indexOf('[') < 0 && text.indexOf('<') < 0) {
            return;
        }
        ProseMask[] mask = new ProseMask[1];
        List<int[]> shortcodes = shortcodes(text);
        Set<Integer> linkStarts = new HashSet<>();
        document.links().forEach(l -> linkStarts.add(l.range().start().offset()));
        forEachMatchAt(BRACKETS, text, '[', brackets -> {
            if (!linkStarts.contains(brackets.start()) && !inside(shortcodes, brackets.start())
                    && Placeholders.bracketFillIn(brackets.group(1)) && mask(mask, document).isProse(brackets.start(),
                            brackets.end())) {
                report(context, reported, brackets.start(), brackets.end(), FILL_IN, brackets.group());
            }
        });
        forEachMatchAt(ANGLES, text, '<', angles -> {
            String firstWord = angles.group(1).split("[ ]", 2)[0];
            if (!inside(shortcodes, angles.start()) && !Placeholders.htmlElement(firstWord)
                    && mask(mask, document).isProse(angles.start(), angles.end())) {
                report(context, reported, angles.start(), angles.end(), ANGLE_FILL_IN, angles.group());
            }
        });
    }

    /** The document's prose mask, built on first use only (most documents have no candidate). */
    private static ProseMask mask(ProseMask[] holder, MarkdownDocument document) {
        if (holder[0] == null) {
            holder[0] = new ProseMask(document);
        }
        return holder[0];
    }

    /**
     * The matches a plain {@code find()} loop over {@code text} finds, for a pattern whose
     * matches start with the character {@code first} (after look-behinds): the regex is tried
     * only at those characters, found by {@link String#indexOf(int, int)}.
     */
    private static void forEachMatchAt(Pattern pattern, String text, char first,
            java.util.function.Consumer<Matcher> action) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int at = text.indexOf(first); at >= 0; at = text.indexOf(first, from)) {
            m.region(at, text.length());
            if (m.lookingAt()) {
                action.accept(m);
                from = Math.max(m.end(), at + 1);
            } else {
                from = at + 1;
            }
        }
    }

    private static void reportHost(DocumentContext context, Set<Integer> reported, String text, int start, int end,
            String host) {
        if (sample(text, start, end)) {
            return;
        }
        report(context, reported, start, end, EXAMPLE_HOST, host);
    }

    /** A host in quotes or introduced as an example ("e.g. https://grafana.example.com") is a sample. */
    private static boolean sample(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int urlStart = start;
        while (urlStart > lineStart && !Character.isWhitespace(text.charAt(urlStart - 1))
                && !Placeholders.quote(text.charAt(urlStart - 1))) {
            urlStart--;
        }
        if (urlStart > lineStart && Placeholders.quote(text.charAt(urlStart - 1))) {
            return true;
        }
        String before = text.substring(Math.max(lineStart, urlStart - CUE_WINDOW), urlStart).toLowerCase(Locale.ROOT);
        return Placeholders.exampleCue(before);
    }

    /** A placeholder word that is quoted or talked about ("the TODO", "TBD wording") is a mention, not a leftover. */
    private static boolean mention(String text, int start, int end) {
        if (start > 0 && end < text.length() && Placeholders.quote(text.charAt(start - 1))
                && Placeholders.quote(text.charAt(end))) {
            return true;
        }
        String previous = wordBefore(text, start);
        String next = wordAfter(text, end);
        return Placeholders.mentionBefore(previous) || Placeholders.mentionAfter(next);
    }

    private static String wordBefore(String text, int start) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return end - begin > 0 && end < start ? text.substring(begin, end) : "";
    }

    private static String wordAfter(String text, int end) {
        int begin = end;
        while (begin < text.length() && text.charAt(begin) == ' ') {
            begin++;
        }
        int stop = begin;
        while (stop < text.length() && Character.isLetter(text.charAt(stop))) {
            stop++;
        }
        return begin > end ? text.substring(begin, stop) : "";
    }

    /** Hugo shortcodes ({{< youtube id >}}, {{% config_option name="a.[name]" %}}) are markup, not prose. */
    private static List<int[]> shortcodes(String text) {
        List<int[]> spans = new java.util.ArrayList<>();
        if (!text.contains("{{")) {
            return spans;
        }
        Matcher m = SHORTCODE.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static boolean inside(List<int[]> spans, int offset) {
        for (int[] span : spans) {
            if (offset >= span[0] && offset < span[1]) {
                return true;
            }
        }
        return false;
    }

    private static void report(DocumentContext context, Set<Integer> reported, int start, int end, Message message,
            String text) {
        if (reported.add(start)) {
            context.report(context.document().source().range(start, end), message, text);
        }
    }
}
