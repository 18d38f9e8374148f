package io.opsdoc.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;
import java.util.Random;

/**
 * Where a document generator's decisions come from: a seeded {@link Random} in the property tests
 * (so a failure names a seed that reproduces it), the fuzzer's bytes in the fuzz tests (so the
 * fuzzer steers the generator towards new code paths).
 */
interface Choices {
    /** A number in [0, bound); bound is positive. */
    int below(int bound);

    /** Free text the generator cannot foresee: fuzzer bytes, or one of a few awkward snippets. */
    String text(int maxLength);

    default boolean chance(int inEvery) {
        return below(inEvery) == 0;
    }

    default int between(int min, int max) {
        return min + below(max - min + 1);
    }

    default <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    @SafeVarargs
    static <T> T pick(Choices choices, T... options) {
        return options[choices.below(options.length)];
    }

    /** Index chosen with the given relative weights. */
    default int weighted(int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = below(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static Choices of(Random random) {
        List<String> awkward = List.of("", "\t", "\r", "\u00a0", "```", "~~~", "<!--", "-->", "\\", "${{ x }}", "{{ y }}",
                "\uD83D\uDE00", "\uFEFF", "# ", "| a |", "- ", "> ", "    ", "[x]: #y", "\u2028");
        return new Choices() {
            @Override
            public int below(int bound) {
                return random.nextInt(bound);
            }

            @Override
            public String text(int maxLength) {
                StringBuilder sb = new StringBuilder();
                while (sb.length() < maxLength && random.nextInt(4) != 0) {
                    sb.append(awkward.get(random.nextInt(awkward.size())));
                }
                return sb.length() <= maxLength ? sb.toString() : sb.substring(0, maxLength);
            }
        };
    }

    /** Choices read from fuzzer input; once the input is used up every choice is the first option. */
    static Choices of(FuzzedDataProvider data) {
        return new Choices() {
            @Override
            public int below(int bound) {
                return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
            }

            @Override
            public String text(int maxLength) {
                return data.consumeString(maxLength);
            }
        };
    }
}
