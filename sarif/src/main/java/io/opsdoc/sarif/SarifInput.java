package io.opsdoc.sarif;

import io.opsdoc.core.engine.LintResult;
import java.util.Optional;

/**
 * Everything {@link SarifWriter} needs; built by the command line, free of its types.
 *
 * @param result the findings (suppressed ones included), notices, sources and the rules that ran
 * @param fingerprints computed over the complete run (see {@link Fingerprints})
 * @param category code scanning category (--category), written as {@code automationDetails.id}
 */
public record SarifInput(LintResult result, ToolInfo tool, SourceRoot root, Fingerprints fingerprints,
        Optional<String> category) {

    public static SarifInput of(LintResult result, ToolInfo tool, SourceRoot root) {
        return new SarifInput(result, tool, root, Fingerprints.of(result), Optional.empty());
    }

    public SarifInput withCategory(Optional<String> newCategory) {
        return new SarifInput(result, tool, root, fingerprints, newCategory);
    }

    public SarifInput withFingerprints(Fingerprints newFingerprints) {
        return new SarifInput(result, tool, root, newFingerprints, category);
    }
}
