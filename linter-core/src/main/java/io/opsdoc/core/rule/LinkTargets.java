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
import java.nio.file.attribute.BasicFileAttributes;
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
 * What rules that check links learn about the files they point at, shared by the workers of one
 * run: whether a target is inside the scope, exists, is a regular file within the size limit
 * ({@link #probe}), and the fragment targets ("anchors") of Markdown files ({@link #anchorsOf}).
 * Files the run parses are {@linkplain #register registered} by the rule that checks them, so
 * their anchors come from the run's own parse; any other file is read and parsed on first
 * request only. Only heading slugs and HTML anchors are kept, never the parsed document, so a
 * large tree costs a few strings per file; each fact is looked up once per run.
 *
 * <p>Nothing is tested, read or returned for a file outside the asking rule's {@link FileScope},
 * and nothing is read above its size limit, whoever registered or read the file before.
 */
public final class LinkTargets {
    /** Explicit anchors in raw HTML: {@code <a name="x">} and any element with {@code id="x"}. */
    private static final Pattern HTML_ANCHOR = Pattern.compile(
            "<[A-Za-z][A-Za-z0-9]*\\b[^>]*?\\s(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))",
            Pattern.CASE_INSENSITIVE);

    /**
     * What a scope may learn about a link target. Outside the scope nothing else is tested (all
     * false); {@code readable}: a regular file within the scope's size limit.
     */
    public record Probe(boolean inside, boolean exists, boolean regularFile, boolean readable) {
        private static final Probe OUTSIDE = new Probe(false, false, false, false);
        private static final Probe MISSING = new Probe(true, false, false, false);
    }

    private record ProbeKey(FileScope scope, Path target) {
    }

    private final Map<ProbeKey, Probe> probes = new ConcurrentHashMap<>();
    /** Absent: unreadable or not UTF-8 (the file exists, which is all a rule can say about it). */
    private final Map<Path, Anchors> byFile = new ConcurrentHashMap<>();

    /**
     * Building a flexmark parser is costly and the parser is immutable and thread-safe, so one
     * instance serves every run; created on first lazy read only.
     */
    private static final class Parser {
        static final MarkdownParser INSTANCE = new MarkdownParser();
    }

    /**
     * A file's anchors as registered or read: heading slugs as parsed and the HTML anchors
     * (lower-cased); the lower-cased set is built when someone links into the file.
     */
    private static final class Anchors {
        static final Anchors UNREADABLE = new Anchors(null, Set.of());
        private final String[] slugs;
        private final Set<String> html;
        private volatile Set<String> all;

        Anchors(String[] slugs, Set<String> html) {
            this.slugs = slugs;
            this.html = html;
        }

        static Anchors of(MarkdownDocument document) {
            List<Heading> headings = document.headings();
            String[] slugs = new String[headings.size()];
            for (int i = 0; i < slugs.length; i++) {
                slugs[i] = headings.get(i).slug();
            }
            Set<String> html = new HashSet<>();
            htmlAnchors(document, html);
            return new Anchors(slugs, html.isEmpty() ? Set.of() : Set.copyOf(html));
        }

        Optional<Set<String>> get() {
            if (slugs == null) {
                return Optional.empty();
            }
            Set<String> result = all;
            if (result == null) {
                Set<String> built = new HashSet<>(html);
                for (String slug : slugs) {
                    built.add(slug.toLowerCase(Locale.ROOT));
                }
                result = Set.copyOf(built);
                all = result;
            }
            return Optional.of(result);
        }
    }

    /** Records a document the run parsed, so links into it need not read it again. */
    public void register(MarkdownDocument document) {
        Path file = document.source().path();
        if (file != null) {
            byFile.putIfAbsent(key(file), Anchors.of(document));
        }
    }

    /**
     * What {@code scope} may know about {@code target}: only whether it is inside when it is not;
     * else whether it exists, is a regular file, and is within the size limit. Looked up once per
     * scope and target in a run (files are assumed not to change during a run).
     */
    public Probe probe(Path target, FileScope scope) {
        ProbeKey probeKey = new ProbeKey(scope, key(target));
        Probe known = probes.get(probeKey);
        if (known != null) {
            return known;
        }
        Probe probe = probeNow(probeKey.target(), scope);
        probes.putIfAbsent(probeKey, probe);
        return probe;
    }

    private static Probe probeNow(Path target, FileScope scope) {
        if (!scope.contains(target)) {
            return Probe.OUTSIDE;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            // As Files.exists: a file whose existence cannot be determined counts as missing.
            return Probe.MISSING;
        }
        boolean regular = attributes.isRegularFile();
        return new Probe(true, true, regular, regular && attributes.size() <= scope.maxFileBytes());
    }

    /**
     * The anchors of {@code file}, lower-cased; empty when {@code scope} may not read it or it
     * cannot be read as UTF-8 text. Registered files are not read again.
     */
    public Optional<Set<String>> anchorsOf(Path file, FileScope scope) {
        if (!probe(file, scope).readable()) {
            return Optional.empty();
        }
        Path key = key(file);
        Anchors known = byFile.get(key);
        if (known == null) {
            // Parsed outside the map's lock: two threads asking at once may both parse, which is
            // cheaper than blocking every other lookup that hashes to the same bin.
            Anchors read = read(key);
            known = byFile.putIfAbsent(key, read);
            if (known == null) {
                known = read;
            }
        }
        return known.get();
    }

    private static Anchors read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            SourceFile source = SourceFile.of(file, file.getFileName().toString(), text);
            return Anchors.of(Parser.INSTANCE.parse(source));
        } catch (IOException | RuntimeException e) {
            return Anchors.UNREADABLE;
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
        htmlAnchors(document, result);
        return result;
    }

    /** Adds the explicit HTML anchors outside code blocks, lower-cased. */
    private static void htmlAnchors(MarkdownDocument document, Set<String> result) {
        String text = document.text();
        if (!mayHoldHtmlAnchor(text)) {
            return;
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
