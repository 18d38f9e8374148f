package io.opsdoc.core.facts;

import io.opsdoc.core.source.Range;

/**
 * A core environment the document names (development, staging, production), at its first mention.
 *
 * @param name canonical name
 * @param written the alias as written ("stage", "prod")
 */
public record EnvironmentFact(String name, String written, Range range) {
}
