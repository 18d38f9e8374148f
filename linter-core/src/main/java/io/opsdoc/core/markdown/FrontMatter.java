package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;
import java.util.Map;
import java.util.Optional;

/** YAML front matter: its parsed top-level mapping (empty when it does not parse) and where it is. */
public record FrontMatter(Map<String, Object> values, Range range, Optional<String> error) {
    public FrontMatter {
        values = values == null ? Map.of() : values;
    }
}
