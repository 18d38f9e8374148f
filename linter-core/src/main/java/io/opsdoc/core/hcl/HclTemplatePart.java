package io.opsdoc.core.hcl;

import java.util.List;

/** A part of a string template or heredoc. */
public sealed interface HclTemplatePart {

    HclRange range();

    /** Literal text with escapes already decoded. */
    record Literal(String value, HclRange range) implements HclTemplatePart {
    }

    /** {@code ${ expr }}, with the {@code ~} whitespace strip markers. */
    record Interpolation(HclExpr expr, boolean stripLeft, boolean stripRight, HclRange range)
            implements HclTemplatePart {
    }

    /** {@code %{ if cond }...%{ else }...%{ endif }}; elseParts is empty without an else clause. */
    record IfDirective(HclExpr condition, List<HclTemplatePart> thenParts, List<HclTemplatePart> elseParts,
                       HclRange range) implements HclTemplatePart {
        public IfDirective {
            thenParts = List.copyOf(thenParts);
            elseParts = List.copyOf(elseParts);
        }
    }

    /** {@code %{ for k, v in coll }...%{ endfor }}; keyVar is null when only one variable is declared. */
    record ForDirective(String keyVar, String valueVar, HclExpr collection, List<HclTemplatePart> body,
                        HclRange range) implements HclTemplatePart {
        public ForDirective {
            body = List.copyOf(body);
        }
    }
}
