package io.opsdoc.core.markdown;

import io.opsdoc.core.source.Range;

/** A GitHub task-list item ("- [ ] text"). */
public record TaskItem(boolean checked, String text, Range range) {
}
