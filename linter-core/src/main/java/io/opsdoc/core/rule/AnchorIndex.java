package io.opsdoc.core.rule;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.Heading;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fragment targets ("anchors") of Markdown files, for rules that check links into other
 * files: one index per run, shared by the workers. Files the run parses are {@linkplain
 * #register registered} by the rule that checks them, so their anchors come from the run's own
 * parse; any other file is read and parsed on first request only. Only the anchor set is kept,
 * never the parsed document, so a large tree costs a few strings per file.
 *
 * <p>Nothing is read or returned for a file outside the asking rule's {@link FileScope} or
 * larger than its limit, whoever registered or read it before.
 */
public final class AnchorIndex {
    /** Explicit anchors in raw HTML: {@code <a name="x">} and any element with {@code id="x"}. */
    private static final Pattern HTML_ANCHOR = Pattern.compile(
            "<[A-Za-z][A-Za-z0-9]*\\b[^>]*?\\s(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))",
            Pattern.CASE_INSENSITIVE);

    /** Absent: unreadable or not UTF-8 (the file exists, which is all a rule can say about it). */
    private final Map<Path, Optional<Set<String>>> byFile = new ConcurrentHashMap<>();

    /**
     * Building a flexmark parser is costly and the parser is immutable and thread-safe, so one
     * instance serves every index; created on first lazy read only.
     */
    private static final class Parser {
        static final MarkdownParser INSTANCE = new MarkdownParser();
    }

    /** Records the anchors of a document the run parsed (computed by {@link #anchors(MarkdownDocument)}). */
    public void register(Path file, Set<String> anchors) {
        byFile.putIfAbsent(key(file), Optional.of(Set.copyOf(anchors)));
    }

    /**
     * The anchors of {@code file}, lower-cased; empty when {@code scope} may not read it or it
     * cannot be read as UTF-8 text. Registered files are not read again.
     */
    public Optional<Set<String>> anchorsOf(Path file, FileScope scope) {
        if (!scope.readable(file)) {
            return Optional.empty();
        }
        Path key = key(file);
        Optional<Set<String>> known = byFile.get(key);
        if (known != null) {
            return known;
        }
        // Parsed outside the map's lock: two threads asking at once may both parse, which is
        // cheaper than blocking every other lookup that hashes to the same bin.
        Optional<Set<String>> read = read(key);
        Optional<Set<String>> raced = byFile.putIfAbsent(key, read);
        return raced != null ? raced : read;
    }

    private static Optional<Set<String>> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            SourceFile source = SourceFile.of(file, file.getFileName().toString(), text);
            return Optional.of(Set.copyOf(anchors(Parser.INSTANCE.parse(source))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /**
     * Heading slugs (GitHub's algorithm, see {@link Heading#slug()}) and explicit HTML anchors
     * ({@code id=}, {@code name=}) outside code blocks, lower-cased.
     */
    public static Set<String> anchors(MarkdownDocument document) {
        Set<String> result = new HashSet<>();
        for (Heading heading : document.headings()) {
            result.add(heading.slug().toLowerCase(Locale.ROOT));
        }
        String text = document.text();
        if (!mayHoldHtmlAnchor(text)) {
            return result;
        }
        List<CodeBlock> blocks = document.codeBlocks();
        Matcher m = HTML_ANCHOR.matcher(text);
        while (m.find()) {
            int at = m.start();
            boolean inCode = blocks.stream().anyMatch(b -> b.range().start().offset() <= at
                    && at < b.range().end().offset());
            if (!inCode) {
                String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                result.add(value.toLowerCase(Locale.ROOT));
            }
        }
        return result;
    }

    /**
     * False when {@link #HTML_ANCHOR} cannot match: no {@code <}, or no {@code id} or {@code name}
     * after white space and before optional white space and {@code =}. Most documents have none,
     * and this test is much cheaper than the regex, which is tried at every position.
     */
    static boolean mayHoldHtmlAnchor(String text) {
        if (text.indexOf('<') < 0) {
            return false;
        }
        for (int eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
            int end = eq;
            while (end > 0 && space(text.charAt(end - 1))) {
                end--;
            }
            if (attribute(text, end, "id") || attribute(text, end, "name")) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code name} (any case) ends at {@code end} right after a white-space character. */
    private static boolean attribute(String text, int end, String name) {
        int start = end - name.length();
        return start > 0 && space(text.charAt(start - 1)) && text.regionMatches(true, start, name, 0, name.length());
    }

    /** The regex's {@code \s}: ASCII white space only. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
