package io.opsdoc.core.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PromQlRobustnessTest {

    @Test
    void tenThousandNestedParenthesesGiveCleanError() {
        String expr = "(".repeat(10_000) + "x" + ")".repeat(10_000);
        PromQlResult r = PromQlParser.parse(expr);
        assertThat(r.ok()).isFalse();
        assertThat(r.error().orElseThrow().message()).contains("nesting too deep");
        assertThat(r.error().orElseThrow().offset()).isEqualTo(PromQlParser.MAX_DEPTH);
    }

    @Test
    void otherDeepNestingFormsGiveCleanErrors() {
        String[] inputs = {
            "-".repeat(10_000) + "x",
            "abs(".repeat(10_000) + "x" + ")".repeat(10_000),
            "sum(".repeat(10_000) + "x" + ")".repeat(10_000),
            "2" + " ^ 2".repeat(10_000),
            "(".repeat(100_000),
            "x[5m:1m]".repeat(1) + "[1m:1m]".repeat(10_000),
        };
        for (String input : inputs) {
            PromQlResult r = PromQlParser.parse(input);
            assertThat(r.ok()).as(input.substring(0, 20)).isFalse();
        }
    }

    @Test
    void moderateNestingIsFine() {
        String expr = "(".repeat(100) + "x" + ")".repeat(100);
        assertThat(PromQlParser.parse(expr).ok()).isTrue();
    }

    @Test
    void longFlatExpressionsParseInLinearTime() {
        StringBuilder sb = new StringBuilder("up{job=\"a\"}");
        while (sb.length() < 200_000) {
            sb.append(" + rate(x{code=~\"5..\"}[5m]) * 2");
        }
        String chain = sb.toString();
        String orChain = "a" + " or a".repeat(40_000);
        String bigString = "label_replace(x, \"" + "a".repeat(200_000) + "\", \"b\", \"c\", \"d\")";
        String bigSelector = "x{" + "a=\"b\",".repeat(25_000) + "}";
        String comment = "x # " + "c".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String expr : new String[] {chain, orChain, bigString, bigSelector, comment}) {
                PromQlResult r = PromQlParser.parse(expr);
                assertThat(r.error()).isEmpty();
                // Iterative analysis must cope with the resulting 10^4-deep left-leaning trees.
                PromQlAnalysis.metricNames(r.expr().orElseThrow());
                PromQlAnalysis.comparisons(r.expr().orElseThrow());
            }
        });
        // Doubling the input must not blow up the time (quadratic behaviour would).
        String twice = chain + " + " + chain;
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(PromQlParser.parse(twice).ok()).isTrue());
    }

    @Test
    void longInvalidInputsFailQuickly() {
        String unterminated = "x{a=\"" + "b".repeat(200_000);
        String junk = "x + ".repeat(50_000);
        String brackets = "[".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(PromQlParser.parse(unterminated).ok()).isFalse();
            assertThat(PromQlParser.parse(junk).ok()).isFalse();
            assertThat(PromQlParser.parse(brackets).ok()).isFalse();
        });
    }

    /** Random mutations of valid queries: the parser must answer, never throw, and keep offsets in range. */
    @Test
    void randomMutationsNeverThrow() {
        String[] seeds = {
            "histogram_quantile(0.99, sum by (le) (rate(x_bucket{job=\"a\"}[5m]))) > 0.5",
            "sum(rate(x{code=~\"5..\"}[5m] offset -1h @ 100)) / ignoring(code) group_left sum(rate(x[5m])) > 14.4 * 0.001",
            "max_over_time(deriv(rate(d[5s])[30s:5s])[10m:]) and on() vector(1) # c",
            "topk(3, label_replace(up, 'a', \"$1\", `b`, \"(.*)\")) unless -x ^ 2",
        };
        String alphabet = "(){}[]:,=!~<>+-*/^%@#\"'`\n 05mxsb_.\\e";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    default -> sb.setLength(Math.min(at, sb.length()));
                }
            }
            String input = sb.toString();
            PromQlResult r = PromQlParser.parse(input);
            if (!r.ok()) {
                PromQlError err = r.error().orElseThrow();
                assertThat(err.message()).as(input).doesNotStartWith("internal parser error");
                assertThat(err.endOffset()).as(input).isLessThanOrEqualTo(input.length());
            } else {
                PromQlExpr expr = r.expr().orElseThrow();
                assertThat(expr.end()).as(input).isLessThanOrEqualTo(input.length());
            }
        }
    }
}
