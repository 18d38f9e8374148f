package io.opsdoc.core.hcl;

import java.util.List;

/** A block: a type name, zero or more labels, and a body in braces. */
public record HclBlock(String type, HclRange typeRange, List<HclLabel> labels, HclBody body, HclRange range)
        implements HclBodyItem {

    public HclBlock {
        labels = List.copyOf(labels);
    }

    /** Returns the value of label {@code i}, or null when the block has fewer labels. */
    public String label(int i) {
        return i >= 0 && i < labels.size() ? labels.get(i).value() : null;
    }
}
