package io.opsdoc.core.promql;

import java.util.List;

/**
 * How the two instant-vector operands of a binary expression are matched.
 *
 * @param cardinality    one-to-one by default, many-to-many for set operators, or many-to-one /
 *                       one-to-many for {@code group_left} / {@code group_right}
 * @param matchingLabels labels listed in {@code on(...)} or {@code ignoring(...)}
 * @param on             true for {@code on}, false for {@code ignoring} (or no clause)
 * @param include        labels listed in {@code group_left(...)} / {@code group_right(...)}
 */
public record VectorMatching(Cardinality cardinality, List<String> matchingLabels, boolean on, List<String> include) {

    public enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    public VectorMatching {
        matchingLabels = List.copyOf(matchingLabels);
        include = List.copyOf(include);
    }
}
