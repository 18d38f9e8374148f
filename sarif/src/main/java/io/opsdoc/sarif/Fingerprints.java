package io.opsdoc.sarif;

import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable identities of findings, used as SARIF {@code partialFingerprints.primaryLocationLineHash},
 * as the JSON report's {@code fingerprint} and to match findings against a baseline.
 *
 * <p>A fingerprint is {@code HASH:N}: HASH covers the rule id and the flagged line with its
 * whitespace normalised (not its number), and N counts the findings of the same rule on lines
 * of the same content in the file, in document order. Lines inserted or removed elsewhere do
 * not change it; editing the flagged line does. For a sensitive finding the line holds a secret,
 * so it is never hashed (a short hash can be brute-forced for low-entropy secrets): the rule id
 * and the message stand in for it.
 *
 * <p>Computed once per run over all findings, so that filtering findings afterwards (baseline)
 * does not renumber the occurrences of the ones that remain.
 */
public final class Fingerprints {
    private final Map<Finding, String> byFinding;
    private final Map<String, SourceFile> sources;

    private Fingerprints(Map<Finding, String> byFinding, Map<String, SourceFile> sources) {
        this.byFinding = byFinding;
        this.sources = sources;
    }

    public static Fingerprints of(LintResult result) {
        return of(result.findings(), result.sources());
    }

    public static Fingerprints of(List<Finding> findings, Map<String, SourceFile> sources) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Finding.ORDER);
        Map<Finding, String> byFinding = new IdentityHashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        // One digest for the run: looking SHA-256 up among the security providers for every
        // finding cost more than hashing its line.
        MessageDigest sha256 = sha256();
        for (Finding finding : ordered) {
            String hash = hash(finding, sources.get(finding.file()), sha256);
            int n = occurrences.merge(finding.file() + "\u0000" + hash, 1, Integer::sum);
            byFinding.put(finding, hash + ":" + n);
        }
        return new Fingerprints(byFinding, Map.copyOf(sources));
    }

    /** The fingerprint of a finding of this run (one not seen when computing counts as first occurrence). */
    public String get(Finding finding) {
        String known = byFinding.get(finding);
        return known != null ? known : hash(finding, sources.get(finding.file()), sha256()) + ":1";
    }

    private static String hash(Finding finding, SourceFile source, MessageDigest sha256) {
        String content;
        if (finding.sensitive()) {
            content = "sensitive\u0000" + finding.message();
        } else if (source != null) {
            content = normalise(source.lineText(finding.line()));
        } else {
            content = "";
        }
        byte[] digest = sha256.digest((finding.ruleId() + "\u0000" + content).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** Runs of white space, compiled once: String.replaceAll compiles its regex on every call. */
    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

    static String normalise(String line) {
        return WHITE_SPACE.matcher(line.strip()).replaceAll(" ");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
