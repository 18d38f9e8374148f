package io.opsdoc.rules.githubactions;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code uses:} value: a local path, a Docker image or {@code owner/repo[/path]@ref}.
 *
 * @param name for remote references {@code owner/repo[/path]}, for Docker the image without tag/digest
 * @param ref the git ref, Docker tag or digest (empty when none is given)
 */
record ActionRef(Kind kind, String text, String name, String ref) {
    enum Kind { LOCAL, DOCKER, REMOTE, EXPRESSION }

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final Pattern SHORT_SHA = Pattern.compile("[0-9a-f]{7,39}");
    /** v4, v4.1, v4.1.2, 4.1.2, v2-beta, v1.0.0-rc.1: refs that name a release tag. */
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(\\.\\d+){0,3}([-+][0-9A-Za-z.-]+)?");
    private static final Pattern REMOTE = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)(/[^@\\s]*)?(?:@(\\S*))?");

    static Optional<ActionRef> parse(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.contains("${{")) {
            return Optional.of(new ActionRef(Kind.EXPRESSION, text, text, ""));
        }
        if (text.startsWith("./") || text.startsWith("../")) {
            return Optional.of(new ActionRef(Kind.LOCAL, text, text, ""));
        }
        if (text.startsWith("docker://")) {
            String image = text.substring("docker://".length());
            int at = image.indexOf('@');
            if (at >= 0) {
                return Optional.of(new ActionRef(Kind.DOCKER, text, image.substring(0, at), image.substring(at)));
            }
            int slash = image.lastIndexOf('/');
            int colon = image.indexOf(':', slash + 1);
            return colon < 0 ? Optional.of(new ActionRef(Kind.DOCKER, text, image, ""))
                    : Optional.of(new ActionRef(Kind.DOCKER, text, image.substring(0, colon), image.substring(colon + 1)));
        }
        Matcher m = REMOTE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(3) == null ? "" : m.group(3);
        String ref = m.group(4) == null ? "" : m.group(4);
        return Optional.of(new ActionRef(Kind.REMOTE, text, m.group(1) + "/" + m.group(2) + path, ref));
    }

    String owner() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** {@code owner/repo} without a sub-path. */
    String repository() {
        int first = name.indexOf('/');
        int second = first < 0 ? -1 : name.indexOf('/', first + 1);
        return second < 0 ? name : name.substring(0, second);
    }

    boolean pinnedToFullSha() {
        return FULL_SHA.matcher(ref).matches();
    }

    boolean abbreviatedSha() {
        return SHORT_SHA.matcher(ref).matches() && !VERSION.matcher(ref).matches();
    }

    boolean versionTag() {
        return VERSION.matcher(ref).matches();
    }

    /** The major version a version-like ref names ({@code v3.5.2} is 3). */
    static OptionalInt major(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
