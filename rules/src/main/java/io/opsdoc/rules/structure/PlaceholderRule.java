package io.opsdoc.rules.structure;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.Link;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.ProseSegment;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.HashSet;
import java.util.List;
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

            **How to fix**: replace the leftover with the real content:

            ```markdown
            **Owner**: Payments platform team (#payments-oncall)
            **Go-live**: 2025-03-04
            **Public endpoint**: https://checkout.acme-shop.io
            ```
            """;

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Template leftovers in prose: TODO, TBD, fill-ins, example.com hosts", HELP, List.of("structure"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        MarkdownDocument document = context.document();
        String text = document.text();
        Set<Integer> reported = new HashSet<>();
        for (ProseSegment segment : document.prose()) {
            Matcher words = Placeholders.words().matcher(segment.text());
            while (words.find()) {
                report(context, reported, segment.offset() + words.start(), segment.offset() + words.end(),
                        "placeholder '" + words.group() + "' left in the text; replace it with the actual content");
            }
            if (!segment.text().contains(HOST_ANCHOR)) {
                continue;
            }
            Matcher hosts = Placeholders.host().matcher(segment.text());
            while (hosts.find()) {
                reportHost(context, reported, segment.offset() + hosts.start(), segment.offset() + hosts.end(), hosts.group());
            }
        }
        for (Link link : document.links()) {
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
                reportHost(context, reported, start + hosts.start(), start + hosts.end(), hosts.group());
            }
        }
        ProseMask mask = new ProseMask(document);
        Set<Integer> linkStarts = new HashSet<>();
        document.links().forEach(l -> linkStarts.add(l.range().start().offset()));
        Matcher brackets = BRACKETS.matcher(text);
        while (brackets.find()) {
            if (mask.isProse(brackets.start(), brackets.end()) && !linkStarts.contains(brackets.start())
                    && Placeholders.bracketFillIn(brackets.group(1))) {
                report(context, reported, brackets.start(), brackets.end(), "template fill-in '" + brackets.group()
                        + "' left in the text; replace it with the actual value");
            }
        }
        Matcher angles = ANGLES.matcher(text);
        while (angles.find()) {
            String firstWord = angles.group(1).split("[ ]", 2)[0];
            if (mask.isProse(angles.start(), angles.end()) && !Placeholders.htmlElement(firstWord)) {
                report(context, reported, angles.start(), angles.end(), "template fill-in '" + angles.group()
                        + "' left in the text (renderers hide it as an unknown HTML tag); replace it with the actual value");
            }
        }
    }

    private static void reportHost(DocumentContext context, Set<Integer> reported, int start, int end, String host) {
        report(context, reported, start, end,
                "placeholder host '" + host + "' (reserved for documentation); use the real host name");
    }

    private static void report(DocumentContext context, Set<Integer> reported, int start, int end, String message) {
        if (reported.add(start)) {
            context.report(context.document().source().range(start, end), message);
        }
    }
}
