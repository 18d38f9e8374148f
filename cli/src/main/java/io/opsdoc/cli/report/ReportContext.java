package io.opsdoc.cli.report;

import io.opsdoc.core.engine.LintResult;
import io.opsdoc.sarif.Fingerprints;
import io.opsdoc.sarif.SourceRoot;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What reporters need besides the result.
 *
 * @param workingDirectory the folder paths are relative to
 * @param category SARIF automationDetails id (--category), empty when not given
 * @param color whether text output may use ANSI colours
 * @param root the repository root that SARIF and GitHub locations are relative to
 * @param fingerprints fingerprints computed over the complete run before a baseline removed
 *     findings (so the remaining ones keep their identity), or null to compute them from the result
 */
public record ReportContext(Path workingDirectory, String toolVersion, Optional<String> category, boolean color,
        SourceRoot root, Fingerprints fingerprints) {

    public ReportContext(Path workingDirectory, String toolVersion, Optional<String> category, boolean color) {
        this(workingDirectory, toolVersion, category, color, SourceRoot.detect(workingDirectory), null);
    }

    public ReportContext withFingerprints(Fingerprints newFingerprints) {
        return new ReportContext(workingDirectory, toolVersion, category, color, root, newFingerprints);
    }

    /** The given fingerprints, else those of {@code result}. */
    public Fingerprints fingerprints(LintResult result) {
        return fingerprints != null ? fingerprints : Fingerprints.of(result);
    }
}
