package io.opsdoc.core.facts;

import io.opsdoc.core.markdown.HtmlComment;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the named things of a document from the vocabulary: the first mention of each term, outside HTML comments. */
public final class Terms {
    /** Fact kind to the vocabulary topics whose terms it reports. */
    private static final Map<String, List<String>> TOPICS = Map.of(
            TermFact.SECRETS_STORE, List.of("secret-stores"),
            TermFact.SCANNER, List.of("dependency-scanners", "extra-dependency-scanners", "sast-tools", "image-scanners",
                    "iac-scanners"),
            TermFact.BACKUP, List.of("backup-schedule"),
            TermFact.DEPLOYMENT_STRATEGY, List.of("deployment-strategies"));
    private static final List<String> ORDER = List.of(TermFact.DEPLOYMENT_STRATEGY, TermFact.SECRETS_STORE,
            TermFact.SCANNER, TermFact.BACKUP);

    /** What joins the words of a term in a text ("docker-compose"), compiled once instead of per match. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

    private Terms() {
    }

    static List<TermFact> of(MarkdownDocument doc) {
        List<TermFact> result = new ArrayList<>();
        String text = doc.text();
        List<HtmlComment> comments = doc.comments();
        for (String kind : ORDER) {
            Pattern pattern = Vocabulary.get().words(TOPICS.get(kind));
            Map<String, TermFact> first = new LinkedHashMap<>();
            Matcher m = pattern.matcher(text);
            int comment = 0;
            while (m.find()) {
                while (comment < comments.size() && comments.get(comment).range().end().offset() <= m.start()) {
                    comment++;
                }
                if (comment < comments.size() && comments.get(comment).range().start().offset() <= m.start()) {
                    continue;
                }
                String name = SEPARATORS.matcher(m.group().toLowerCase(Locale.ROOT)).replaceAll(" ");
                first.putIfAbsent(name, new TermFact(kind, name, m.group(), doc.source().range(m.start(), m.end())));
            }
            result.addAll(first.values());
        }
        return result;
    }

    /**
     * True when the facts of {@code documents} name one of {@code terms} as {@code kind} (a rule's
     * effective list, e.g. its {@code secret-stores} option). Terms the vocabulary does not list for
     * that kind (added through an option) are looked up in the document text outside HTML comments,
     * so an option still extends what counts.
     */
    public static boolean mentions(List<DocumentFacts> documents, String kind, List<String> terms) {
        Set<String> known = new HashSet<>();
        TOPICS.get(kind).forEach(topic -> Vocabulary.get().list(topic).forEach(known::add));
        List<String> extra = terms.stream().filter(t -> !known.contains(t.strip().toLowerCase(Locale.ROOT))).toList();
        for (DocumentFacts facts : documents) {
            if (facts.terms(kind).stream().anyMatch(t -> Vocabulary.contains(t.written(), terms))) {
                return true;
            }
            if (!extra.isEmpty() && Vocabulary.contains(
                    ProseMask.withoutComments(facts.document()), extra)) {
                return true;
            }
        }
        return false;
    }

    /** The jobs of a pipeline: the sub-headings of its stages section ("### Build and Push"). */
    static List<TermFact> jobs(MarkdownDocument doc, Section stages) {
        List<TermFact> result = new ArrayList<>();
        for (Section s : doc.subsections(stages)) {
            String title = s.title().strip();
            result.add(new TermFact(TermFact.PIPELINE_JOB, title, title, s.heading().range()));
        }
        return result;
    }
}
