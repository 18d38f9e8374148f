package io.opsdoc.core.hcl;

/**
 * A parse error. The message starts with a short summary (as HashiCorp's parser would print it)
 * followed by "; " and a sentence of detail.
 */
public record HclDiagnostic(String message, HclPos start, HclPos end) {

    public HclRange range() {
        return new HclRange(start, end);
    }
}
