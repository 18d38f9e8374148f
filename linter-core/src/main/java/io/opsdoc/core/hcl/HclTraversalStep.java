package io.opsdoc.core.hcl;

/** One static step of a {@link HclExpr.Traversal}: {@code .name}, {@code [literal]} or legacy {@code .0}. */
public sealed interface HclTraversalStep {

    HclRange range();

    /** Renders the step as it would be written in a canonical traversal, e.g. {@code .id} or {@code [0]}. */
    String text();

    record Attr(String name, HclRange range) implements HclTraversalStep {
        @Override
        public String text() {
            return "." + name;
        }
    }

    /**
     * An index with a literal key (number or string).
     *
     * @param legacy true for the HIL-era {@code .0} form
     */
    record Index(HclExpr key, boolean legacy, HclRange range) implements HclTraversalStep {
        @Override
        public String text() {
            if (key.literalNumber().isPresent()) {
                return legacy ? "." + key.literalNumber().get().toPlainString()
                        : "[" + key.literalNumber().get().toPlainString() + "]";
            }
            return key.literalString().map(s -> "[\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]")
                    .orElse("[?]");
        }
    }
}
