package io.opsdoc.core.promql;

import java.util.Optional;

/**
 * Outcome of {@link PromQlParser#parse(String)}: exactly one of {@code expr} and {@code error} is present.
 */
public record PromQlResult(Optional<PromQlExpr> expr, Optional<PromQlError> error) {

    public PromQlResult {
        if (expr == null || error == null || expr.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("exactly one of expr and error must be present");
        }
    }

    public static PromQlResult success(PromQlExpr expr) {
        return new PromQlResult(Optional.of(expr), Optional.empty());
    }

    public static PromQlResult failure(PromQlError error) {
        return new PromQlResult(Optional.empty(), Optional.of(error));
    }

    /** True when the expression parsed without error. */
    public boolean ok() {
        return expr.isPresent();
    }
}
