package io.opsdoc.core.secret;

import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps secrets out of everything opsdoc prints. Rules quote document content in their messages
 * (a receiver, an action reference, an image); when that content holds a credential, the
 * credential is replaced by {@value #MASK}, and a finding whose lines hold one is marked
 * sensitive so that no report shows those lines. Secrets are recognised with the same table as
 * {@code security/hardcoded-secret} ({@link SecretPatterns}).
 */
public final class SecretMask {
    /** What a secret is replaced with (GitHub Actions' own mask). */
    public static final String MASK = "***";
    /** As many lines as a report may show around a finding (SARIF snippets show up to 10). */
    private static final int SHOWN_LINES = 10;
    private static final int MAX_SCANNED_CHARS = 20_000;

    private SecretMask() {
    }

    /** {@code text} with every secret it holds replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<SecretPatterns.Found> found = secretsIn(text);
        if (found.isEmpty()) {
            return text;
        }
        found.sort(Comparator.comparingInt(SecretPatterns.Found::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SecretPatterns.Found secret : found) {
            if (secret.start() < at) {
                // Overlaps a secret already masked: mask the rest of it too.
                if (secret.end() > at) {
                    at = secret.end();
                }
                continue;
            }
            out.append(text, at, secret.start()).append(MASK);
            at = secret.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** True when {@code text} holds a secret. */
    public static boolean containsSecret(String text) {
        return text != null && !text.isEmpty() && !secretsIn(text).isEmpty();
    }

    /**
     * The report as it may be shown: message, related-location messages and fix description
     * masked; sensitive when the lines it points at (as far as a report shows them) or its fix
     * hold a secret, so reporters leave those lines and the fix out.
     */
    public static Report guard(Report report, SourceFile source) {
        Report guarded = report;
        String message = mask(report.message());
        boolean sensitive = report.sensitive() || !message.equals(report.message());
        List<Location> related = new ArrayList<>();
        boolean relatedChanged = false;
        for (Location location : report.related()) {
            String masked = mask(location.message());
            relatedChanged |= masked != null && !masked.equals(location.message());
            related.add(masked == location.message() ? location : new Location(location.file(), location.range(), masked));
        }
        if (!sensitive && source != null) {
            sensitive = linesHoldSecret(report, source)
                    || report.fix().map(fix -> fix.edits().stream().map(TextEdit::replacement)
                            .anyMatch(SecretMask::containsSecret)).orElse(false);
        }
        if (!message.equals(report.message()) || relatedChanged) {
            guarded = report.withMessage(message).withRelated(related);
        }
        return sensitive && !guarded.sensitive() ? guarded.asSensitive() : guarded;
    }

    private static boolean linesHoldSecret(Report report, SourceFile source) {
        int first = report.range().start().line();
        int last = Math.min(Math.max(first, report.range().end().line()), first + SHOWN_LINES - 1);
        if (first < 1 || first > source.lineCount()) {
            return false;
        }
        last = Math.min(last, source.lineCount());
        int start = source.lineStart(first);
        int end = source.lineContentEnd(last);
        // Lines this long are generated data, not worth showing; treating them as sensitive keeps
        // the check linear when one such line carries many findings.
        return end - start > MAX_SCANNED_CHARS || containsSecret(source.text().substring(start, end));
    }

    private static List<SecretPatterns.Found> secretsIn(String text) {
        List<SecretPatterns.Found> found = new ArrayList<>(SecretPatterns.shapesIn(text));
        found.addAll(SecretPatterns.maskedShapesIn(text));
        found.addAll(SecretPatterns.urlPasswordsIn(text));
        found.addAll(SecretPatterns.assignmentsIn(text));
        return found;
    }
}
