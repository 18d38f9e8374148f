package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;

/** An HTML comment; {@code body} is the text between "<!--" and "-->". */
public record HtmlComment(String body, Range range, boolean block) {
}
