package io.opsdoc.core.hcl;

/**
 * Internal signal used to unwind the recursive descent at the first error. It never escapes
 * {@link HclParser#parse(String)}.
 */
final class HclSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient HclDiagnostic diagnostic;

    HclSyntaxException(HclDiagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    HclDiagnostic diagnostic() {
        return diagnostic;
    }
}
