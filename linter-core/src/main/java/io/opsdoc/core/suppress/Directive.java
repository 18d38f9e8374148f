package io.opsdoc.core.suppress;

import io.opsdoc.core.source.Range;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One suppression comment: {@code opsdoc-disable-next-line}, {@code opsdoc-disable-line},
 * {@code opsdoc-disable}, {@code opsdoc-enable} or {@code opsdoc-disable-file}, followed by rule ids
 * or family globs separated by commas or spaces (none: every rule) and an optional reason after
 * {@code --}.
 *
 * @param ids rule ids or globs as written; empty means every rule
 * @param range where the comment is, for reporting an unused suppression
 */
record Directive(Kind kind, List<String> ids, Optional<String> reason, Range range) {
    private static final Pattern SYNTAX = Pattern.compile(
            "opsdoc-(disable-next-line|disable-line|disable-file|disable|enable)(?![\\w-])(.*)", Pattern.DOTALL);

    enum Kind {
        NEXT_LINE("opsdoc-disable-next-line"), LINE("opsdoc-disable-line"), FILE("opsdoc-disable-file"),
        DISABLE("opsdoc-disable"), ENABLE("opsdoc-enable");

        final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    Directive {
        ids = List.copyOf(ids);
    }

    /** Parses the text of a comment that starts with a directive keyword; empty for any other comment. */
    static Optional<Directive> parse(String text, Range range) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = switch (m.group(1)) {
            case "disable-next-line" -> Kind.NEXT_LINE;
            case "disable-line" -> Kind.LINE;
            case "disable-file" -> Kind.FILE;
            case "disable" -> Kind.DISABLE;
            default -> Kind.ENABLE;
        };
        String rest = m.group(2);
        Optional<String> reason = Optional.empty();
        int dashes = rest.indexOf("--");
        if (dashes >= 0) {
            String why = rest.substring(dashes + 2).strip();
            reason = why.isEmpty() ? Optional.empty() : Optional.of(why);
            rest = rest.substring(0, dashes);
        }
        List<String> ids = java.util.Arrays.stream(rest.strip().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
        return Optional.of(new Directive(kind, ids, reason, range));
    }

    /** True when this directive names {@code ruleId} (exactly, by family glob, or by naming no rule at all). */
    static boolean names(String id, String ruleId) {
        if (id.equals("*") || id.equals(ruleId)) {
            return true;
        }
        if (!id.contains("*")) {
            return false;
        }
        String regex = Pattern.quote(id).replace("*", "\\E.*\\Q");
        return ruleId.matches(regex);
    }
}
