package io.opsdoc.core.hcl;

import java.util.List;

/**
 * Result of {@link HclParser#parse(String)}.
 *
 * @param body   best-effort syntax tree; may be partial or empty when there are errors
 * @param errors parse errors; empty means the text is valid HCL native syntax
 */
public record HclParseResult(HclBody body, List<HclDiagnostic> errors) {

    public HclParseResult {
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
