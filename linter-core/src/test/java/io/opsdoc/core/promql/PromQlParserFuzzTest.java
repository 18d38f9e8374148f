package io.opsdoc.core.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.opsdoc.core.fuzz.FuzzSupport;

/**
 * Fuzz target for the PromQL parser and the analyses rules run on its trees (docs/fuzzing.md).
 * Properties: never throws, never falls back to the internal-error guard, every node and error
 * range lies inside the expression with children inside their parent, and it finishes in time.
 * Seeds and regression inputs: src/test/resources/io/opsdoc/core/promql/PromQlParserFuzzTestInputs/parse/.
 */
class PromQlParserFuzzTest {

    static {
        // Load and JIT the code once, so that the time limit measures each input and not start-up.
        PromQlParser.parse("sum by (job) (rate(x{a=~\"b.*\"}[5m])) > 1");
    }
    @FuzzTest
    void parse(byte[] input) {
        String expr = FuzzSupport.text(input);
        PromQlResult result = FuzzSupport.withinTime("parse PromQL", () -> PromQlParser.parse(expr));

        result.error().ifPresent(error -> {
            assertThat(error.message()).as("a syntax error, not a parser bug").doesNotStartWith("internal parser error");
            assertThat(error.endOffset()).as("end of %s", error).isLessThanOrEqualTo(expr.length());
        });
        result.expr().ifPresent(root -> {
            for (PromQlExpr node : PromQlAnalysis.preOrder(root)) {
                assertThat(node.start()).as("start of %s", node.getClass().getSimpleName()).isBetween(0, node.end());
                assertThat(node.end()).as("end of %s", node.getClass().getSimpleName()).isLessThanOrEqualTo(expr.length());
                for (PromQlExpr child : node.children()) {
                    assertThat(child.start()).as("child of %s starts inside it", node.getClass().getSimpleName())
                            .isGreaterThanOrEqualTo(node.start());
                    assertThat(child.end()).as("child of %s ends inside it", node.getClass().getSimpleName())
                            .isLessThanOrEqualTo(node.end());
                }
            }
            // What rules ask of a valid tree must not fail either.
            PromQlAnalysis.comparisons(root);
            PromQlAnalysis.metricNames(root);
            PromQlAnalysis.constantValue(root);
        });
    }
}
