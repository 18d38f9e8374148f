package io.opsdoc.core.promql;

/** The static type of a PromQL expression, as the Prometheus parser computes it. */
public enum ValueType {
    SCALAR("scalar"),
    INSTANT_VECTOR("instant vector"),
    RANGE_VECTOR("range vector"),
    STRING("string");

    private final String documentedName;

    ValueType(String documentedName) {
        this.documentedName = documentedName;
    }

    /** The name the Prometheus documentation and error messages use, e.g. "range vector". */
    public String documentedName() {
        return documentedName;
    }
}
