package io.opsdoc.rules.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The data table {@code placeholders.yaml}: placeholder words, hosts and fill-in shapes. */
final class Placeholders {
    private static final String RESOURCE = "placeholders.yaml";

    /** Loaded once, on first use. */
    private record Data(Pattern words, List<String> wordList, Pattern host, List<Pattern> bracketFillIns,
            Set<String> htmlElements, Set<String> mentionBefore, Set<String> mentionAfter, String quotes,
            List<String> exampleCues) {
    }

    private static final class Holder {
        static final Data DATA = load();
    }

    private Placeholders() {
    }

    static Pattern words() {
        return Holder.DATA.words();
    }

    /** True when {@code text} holds one of the placeholder words (as a substring): the words pattern may match. */
    static boolean mayHoldWord(String text) {
        for (String word : Holder.DATA.wordList()) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static Pattern host() {
        return Holder.DATA.host();
    }

    /** True when the text between square brackets asks to be filled in. */
    static boolean bracketFillIn(String inner) {
        String text = inner.strip();
        return !text.isEmpty() && Holder.DATA.bracketFillIns().stream().anyMatch(p -> p.matcher(text).matches());
    }

    static boolean htmlElement(String name) {
        return Holder.DATA.htmlElements().contains(name.toLowerCase(Locale.ROOT));
    }

    /** Words that, right before a placeholder word, make it a mention ("the TODO"). */
    static boolean mentionBefore(String word) {
        return Holder.DATA.mentionBefore().contains(word.toLowerCase(Locale.ROOT));
    }

    /** Words that, right after a placeholder word, make it a mention ("TBD wording"). */
    static boolean mentionAfter(String word) {
        return Holder.DATA.mentionAfter().contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean quote(char c) {
        return Holder.DATA.quotes().indexOf(c) >= 0;
    }

    /** True when the text (lower-cased by the caller) contains a cue that introduces an example. */
    static boolean exampleCue(String lowerText) {
        return Holder.DATA.exampleCues().stream().anyMatch(lowerText::contains);
    }

    @SuppressWarnings("unchecked")
    private static Data load() {
        try (InputStream in = Placeholders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> words = (List<String>) root.get("words");
            Pattern wordPattern = Pattern.compile("(?<![\\w])(?:" + words.stream().map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")(?![\\w])");
            List<Pattern> fillIns = ((List<String>) root.get("bracket-fill-ins")).stream().map(Pattern::compile).toList();
            Set<String> elements = ((List<Object>) root.get("html-elements")).stream()
                    .map(e -> String.valueOf(e).toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            return new Data(wordPattern, List.copyOf(words), Pattern.compile((String) root.get("host")), fillIns, elements,
                    lower((List<Object>) root.get("mention-before")), lower((List<Object>) root.get("mention-after")),
                    (String) root.get("quotes"), List.copyOf((List<String>) root.get("example-cues")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> lower(List<Object> words) {
        return words.stream().map(w -> String.valueOf(w).toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
