package io.opsdoc.core.rule;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.Heading;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What rules that check links learn about the files they point at, shared by the workers of one
 * run: whether a target is inside the scope, exists, is a regular file within the size limit
 * ({@link #probe}), and the fragment targets ("anchors") of Markdown files ({@link #anchorsOf}).
 * Files the run parses are {@linkplain #register registered} by the rule that checks them, so
 * their anchors come from the run's own parse. A file the run has not reached yet is first
 * offered to the run ({@link #LinkTargets(Consumer)}), which may check it at once and so register
 * it: each file of the run is then parsed once, whatever the order the workers take files in.
 * Any other file is read and parsed on first request only. Only heading slugs and HTML anchors
 * are kept, never the parsed document, so a large tree costs a few strings per file; each fact
 * is looked up once per run.
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
    /** Real paths of the folders of probed targets, by absolute normalised path (a few per folder of the tree). */
    private final Map<Path, Path> realFolders = new ConcurrentHashMap<>();
    /** Offered each file whose anchors are asked for before anyone registered it. */
    private final Consumer<Path> reachFirst;

    /** Targets outside a run: a file not registered is read when its anchors are needed. */
    public LinkTargets() {
        this(file -> { });
    }

    /**
     * Targets of a run. {@code reachFirst} is given the absolute, normalised path of a file whose
     * anchors are needed before anyone {@linkplain #register registered} it (and only once the
     * asking scope may read it): the run may check that file now, on the calling thread, which
     * registers it, instead of letting this class parse it a second time. When it does not (not
     * a file of the run, already being checked by another worker), the file is read here.
     */
    public LinkTargets(Consumer<Path> reachFirst) {
        this.reachFirst = reachFirst;
    }

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

    /**
     * Records a document the run parsed, so links into it need not read it again, and returns
     * its own anchors as {@link #anchors(MarkdownDocument)} gives them, built on first use (for
     * its same-document fragments: the work of finding them is done once).
     */
    public Supplier<Set<String>> register(MarkdownDocument document) {
        Anchors anchors = Anchors.of(document);
        Path file = document.source().path();
        if (file != null) {
            byFile.putIfAbsent(key(file), anchors);
        }
        return () -> anchors.get().orElseThrow();
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

    /**
     * As {@code scope.contains(target)} and then the target's attributes, with fewer system
     * calls: the target's own attributes (links not followed) tell whether it is a symbolic
     * link; when it is not, its real path is its folder's (cached for the run) plus its name, and
     * those attributes are the ones following links would give.
     */
    private Probe probeNow(Path target, FileScope scope) {
        if (!target.startsWith(scope.root())) {
            return Probe.OUTSIDE;
        }
        BasicFileAttributes own = attributes(target, LinkOption.NOFOLLOW_LINKS);
        Path folder = target.getParent();
        boolean link = own != null && own.isSymbolicLink();
        Path real = link || folder == null || target.getFileName() == null ? FileScope.realPath(target)
                : realFolder(folder).resolve(target.getFileName());
        if (!scope.containsReal(real)) {
            return Probe.OUTSIDE;
        }
        BasicFileAttributes attributes = link ? attributes(target) : own;
        if (attributes == null) {
            // As Files.exists: a file whose existence cannot be determined counts as missing.
            return Probe.MISSING;
        }
        boolean regular = attributes.isRegularFile();
        return new Probe(true, true, regular, regular && attributes.size() <= scope.maxFileBytes());
    }

    /** The real path of {@code folder} as {@link FileScope#realPath} gives it, resolved once per run. */
    private Path realFolder(Path folder) {
        Path known = realFolders.get(folder);
        if (known == null) {
            known = FileScope.realPath(folder);
            realFolders.putIfAbsent(folder, known);
        }
        return known;
    }

    /** The attributes of {@code file}, or null when they cannot be read (missing, no permission). */
    private static BasicFileAttributes attributes(Path file, LinkOption... options) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, options);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
            reachFirst.accept(key);
            known = byFile.get(key);
        }
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
        // As Matcher.find(), which tries the pattern at every offset, but only at each '<' (the
        // only place a match can start), found with String.indexOf: a fraction of the cost.
        Matcher m = HTML_ANCHOR.matcher(text).useTransparentBounds(true);
        // The next '=' and '>' at or after a position, remembered: '<' only moves forward, so
        // the text is searched for each of them once, not once per '<' (which was quadratic in
        // a long run of tags without either).
        int[] next = {-1, -1};
        int from = 0;
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', from)) {
            if (!tagMayHoldAnchor(text, at, next)) {
                from = at + 1;
                continue;
            }
            m.region(at, text.length());
            if (!m.lookingAt()) {
                from = at + 1;
                continue;
            }
            from = m.end();
            boolean inCode = false;
            for (CodeBlock b : blocks) {
                if (b.range().start().offset() <= at && at < b.range().end().offset()) {
                    inCode = true;
                    break;
                }
            }
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

    /**
     * False when {@link #HTML_ANCHOR} cannot match at {@code at} (a {@code <}): no ASCII letter
     * follows, or no {@code =} comes before the next {@code >} (the pattern reaches its {@code =}
     * without crossing one). Most tags and stray {@code <} fail this, sparing the regex.
     */
    private static boolean tagMayHoldAnchor(String text, int at, int[] next) {
        if (at + 1 >= text.length()) {
            return false;
        }
        char first = text.charAt(at + 1);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        int eq = nextOf(text, '=', at + 2, next, 0);
        if (eq < 0) {
            return false;
        }
        int close = nextOf(text, '>', at + 2, next, 1);
        return close < 0 || eq < close;
    }

    /**
     * {@code text.indexOf(c, from)}, remembered in {@code next[slot]} while it stays at or after
     * {@code from} (callers ask with growing {@code from}); {@code Integer.MAX_VALUE} stands for
     * none found, so a text without {@code c} is searched once.
     */
    private static int nextOf(String text, char c, int from, int[] next, int slot) {
        if (next[slot] != Integer.MAX_VALUE && next[slot] < from) {
            int found = text.indexOf(c, from);
            next[slot] = found < 0 ? Integer.MAX_VALUE : found;
        }
        return next[slot] == Integer.MAX_VALUE ? -1 : next[slot];
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
