package io.opsdoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.sarif.Fingerprints;
import io.opsdoc.sarif.SourceRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings already known from an earlier opsdoc report (SARIF or JSON): a run with
 * {@code --baseline} reports only the others. A finding is known when its file (relative to the
 * repository root) and its fingerprint, which ignores line numbers, both match.
 */
public final class Baseline {
    private final Set<String> keys;

    private Baseline(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    public int size() {
        return keys.size();
    }

    /** Reads a report written by {@code opsdoc check --format sarif|json} or {@code opsdoc baseline}. */
    public static Baseline read(Path file, SourceRoot root) {
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UserException("baseline " + file + " does not exist; create it with 'opsdoc baseline --output " + file + "'");
        } catch (IOException e) {
            throw new UserException("cannot read baseline " + file + ": not valid JSON or SARIF ("
                    + e.getClass().getSimpleName() + ")");
        }
        Set<String> keys = new HashSet<>();
        if (report != null && report.path("runs").isArray()) {
            for (JsonNode run : report.path("runs")) {
                for (JsonNode result : run.path("results")) {
                    String uri = result.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                            .path("uri").asText("");
                    String fingerprint = result.path("partialFingerprints").path("primaryLocationLineHash").asText("");
                    if (!uri.isEmpty() && !fingerprint.isEmpty()) {
                        keys.add(key(SourceRoot.decode(uri), fingerprint));
                    }
                }
            }
        } else if (report != null && report.path("findings").isArray()) {
            // JSON reports hold paths relative to the folder opsdoc ran in: the baseline is
            // expected to be made from the same folder as the checks that use it.
            for (JsonNode finding : report.path("findings")) {
                String path = finding.path("file").asText("");
                String fingerprint = finding.path("fingerprint").asText("");
                if (!path.isEmpty() && !fingerprint.isEmpty()) {
                    keys.add(key(root.relativePath(path), fingerprint));
                }
            }
        } else {
            throw new UserException("baseline " + file + " is not an opsdoc SARIF or JSON report");
        }
        return new Baseline(keys);
    }

    /** {@code result} without the findings of this baseline; fingerprints must come from the complete result. */
    public LintResult filter(LintResult result, Fingerprints fingerprints, SourceRoot root) {
        List<Finding> kept = result.findings().stream()
                .filter(f -> !keys.contains(key(root.relativePath(f.file()), fingerprints.get(f))))
                .toList();
        return new LintResult(kept, result.notices(), result.sources(), result.rules(), result.filesChecked(),
                result.timings(), result.files());
    }

    private static String key(String relativePath, String fingerprint) {
        return relativePath + "\u0000" + fingerprint;
    }
}
