package io.opsdoc.core.markdown;

import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;

/**
 * A flexmark extension point that asks for no place among the others: it is handed to flexmark
 * in the order it is to be tried (flexmark keeps the order of those that declare nothing).
 */
interface Unordered extends Dependent {
    @Override
    default Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    default Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    default boolean affectsGlobalScope() {
        return false;
    }
}
