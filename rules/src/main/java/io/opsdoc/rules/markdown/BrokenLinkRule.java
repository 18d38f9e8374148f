package io.opsdoc.rules.markdown;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.Link;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.rule.LinkTargets;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.FileScope;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.SourceFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A relative link to a file that does not exist, or a {@code #fragment} that no heading or HTML
 * anchor of the target document produces.
 */
public final class BrokenLinkRule implements DocumentRule {
    static final String ID = "markdown/broken-link";

    static final Message NO_ANCHOR = Message.of("no-anchor",
            "no heading or anchor in this document produces '#{0}'{1}");
    static final Message MISSING_FILE = Message.of("missing-file",
            "link target '{0}' does not exist (relative to this document's folder); fix the path or the file "
                    + "name");
    static final Message NO_ANCHOR_IN_TARGET = Message.of("no-anchor-in-target",
            "no heading or anchor in '{0}' produces '#{1}'{2}");
    static final Message OUTSIDE_TREE = Message.of("outside-tree",
            "link target '{0}' is outside the checked repository or folder, so it was not checked; check it "
                    + "by hand or link to a file inside the tree");
    static final Message TOO_LARGE = Message.of("too-large",
            "link target '{0}' is larger than the {1} limit (--max-file-size), so the fragment '#{2}' was "
                    + "not checked; check it by hand or raise the limit");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Relative link to a missing file or to a heading that does not exist",
            """
            Planning documents point at each other and at runbooks: *see [Rollback Procedures](deployment-strategy.md#rollback-procedures)*. \
            When a file is renamed or a heading reworded, such links break silently, and the reader who \
            follows one during an incident lands on a 404 or at the top of a long page.

            What is checked:

            - relative links and images (`runbooks/db-failover.md`, `../README.md`, `diagram.png`) are \
            resolved against the folder of the document; query strings and fragments are ignored for the \
            file test and `%20`-style escapes are decoded. A link to an existing folder is fine.
            - fragments (`#rollback-procedures`, `other.md#alerting`) must match a heading of the target \
            Markdown file, using GitHub's anchor algorithm (lower-case, punctuation dropped, spaces to `-`, \
            `-1`, `-2` for duplicates), or an explicit HTML anchor (`<a name="x"></a>`, `id="x"`). \
            Fragments are compared ignoring case. `#top` and fragments into non-Markdown files (such as \
            GitHub's `#L10` line anchors) are not checked.
            - not checked: absolute URLs (`https:`, `mailto:`, `tel:` and any other scheme), protocol-relative \
            `//host/...` links, site-absolute links starting with `/` (they depend on where the document is \
            published, not on the folder it sits in), and templated destinations (`{{ }}`). Links of a \
            document that does not exist on disk (text passed in from an editor) are checked for \
            same-document fragments only.
            - never read: targets outside the checked repository (the folder holding `.git`), or outside \
            the checked folder when there is no repository, including symbolic links that lead outside; they \
            get a note saying they were not checked, and nothing about them (not even whether they exist) is \
            reported. Fragments into a Markdown file larger than `--max-file-size` also get a note instead of \
            a check.

            **How to fix**: point the link at the file's current name and the heading's current anchor.

            ```markdown
            Roll back as described in [Rollback Procedures](deployment-strategy.md#rollback-procedures).
            ```
            """,
            List.of("markdown", "links"))
            .withMessages(NO_ANCHOR, MISSING_FILE, NO_ANCHOR_IN_TARGET, OUTSIDE_TREE, TOO_LARGE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        MarkdownDocument document = context.document();
        SourceFile source = document.source();
        FileScope scope = context.files();
        LinkTargets linkTargets = context.linkTargets();
        // Other documents of the run that link here reuse this parse instead of reading the file
        // again. Text not on disk registers harmlessly: anchors are only asked of regular files.
        Supplier<Set<String>> registered = linkTargets.register(document);
        // Looked up at the first link with a path: most documents need no file-system call for it.
        Path folder = null;
        boolean folderKnown = false;
        // This document's own anchors, computed for its first same-document fragment.
        Set<String> ownAnchors = null;
        // Link targets of this one check: several links into the same file look it up once.
        Map<Path, Optional<Set<String>>> targets = new HashMap<>();
        for (Link link : document.links()) {
            String url = link.url().strip();
            if (skipped(url)) {
                continue;
            }
            int hash = url.indexOf('#');
            String pathPart = hash < 0 ? url : url.substring(0, hash);
            String fragment = hash < 0 ? "" : url.substring(hash + 1);
            int query = pathPart.indexOf('?');
            if (query >= 0) {
                pathPart = pathPart.substring(0, query);
            }
            String decodedPath = decode(pathPart);
            String decodedFragment = decode(fragment);
            if (decodedPath.isEmpty()) {
                if (!fragment.isEmpty() && ownAnchors == null) {
                    ownAnchors = registered.get();
                }
                if (!fragment.isEmpty() && !fragmentKnown(ownAnchors, decodedFragment)) {
                    context.report(link.urlRange(), NO_ANCHOR, decodedFragment, suggestion(ownAnchors, decodedFragment));
                }
                continue;
            }
            if (!folderKnown) {
                folder = folderOnDisk(source);
                folderKnown = true;
            }
            if (folder == null) {
                continue;
            }
            Path target;
            try {
                target = folder.resolve(decodedPath).normalize();
            } catch (InvalidPathException e) {
                continue;
            }
            LinkTargets.Probe probe = linkTargets.probe(target, scope);
            if (!probe.inside()) {
                // Never opened, not even tested for existence: the answer would tell what lies outside the tree.
                context.report(Report.of(link.urlRange(), OUTSIDE_TREE, decodedPath).withLevel(Level.NOTE));
                continue;
            }
            if (!probe.exists()) {
                context.report(link.urlRange(), MISSING_FILE, decodedPath);
                continue;
            }
            if (fragment.isEmpty() || !probe.regularFile() || !markdown(target)) {
                continue;
            }
            if (!probe.readable()) {
                context.report(Report.of(link.urlRange(), TOO_LARGE, decodedPath, limit(scope.maxFileBytes()),
                        decodedFragment).withLevel(Level.NOTE));
                continue;
            }
            Optional<Set<String>> anchors = targets.computeIfAbsent(target, t -> linkTargets.anchorsOf(t, scope));
            if (anchors.isPresent() && !fragmentKnown(anchors.get(), decodedFragment)) {
                context.report(link.urlRange(), NO_ANCHOR_IN_TARGET, decodedPath, decodedFragment,
                        suggestion(anchors.get(), decodedFragment));
            }
        }
    }

    /** The size limit as the user gave it: whole megabytes from --max-file-size, else bytes (a smaller limit, as in tests). */
    private static String limit(long bytes) {
        long mb = 1024 * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
    }

    private static boolean skipped(String url) {
        return url.isEmpty() || url.equals("#") || hasScheme(url) || url.startsWith("/")
                || url.startsWith("\\") || url.contains("{{") || url.contains("{%") || url.contains("${");
    }

    /** Whether {@code url} starts with a URI scheme and its colon: {@code ^[A-Za-z][A-Za-z0-9+.-]*:}, without a regex per link. */
    static boolean hasScheme(String url) {
        if (url.isEmpty() || !asciiLetter(url.charAt(0))) {
            return false;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!(asciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The document's folder when the document is a real file; null for in-memory text. */
    private static Path folderOnDisk(SourceFile source) {
        Path path = source.path();
        if (path == null || !Files.isRegularFile(path)) {
            return null;
        }
        Path parent = path.toAbsolutePath().getParent();
        return parent;
    }

    private static boolean markdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".mdown");
    }

    /** Percent-decodes a link part; '+' stays a plus sign, as in URL paths. */
    private static String decode(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    private static boolean fragmentKnown(Set<String> anchors, String fragment) {
        String lower = fragment.toLowerCase(Locale.ROOT);
        return lower.equals("top") || anchors.contains(lower);
    }

    private static String suggestion(Set<String> anchors, String fragment) {
        String lower = fragment.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, lower.length() / 4);
        for (String anchor : anchors) {
            if (Math.abs(anchor.length() - lower.length()) > limit) {
                continue;
            }
            int d = Languages.distance(lower, anchor, limit);
            if (d < bestDistance || d == bestDistance && best != null && anchor.compareTo(best) < 0) {
                best = anchor;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= limit ? "; did you mean '#" + best + "'?" : "";
    }
}
