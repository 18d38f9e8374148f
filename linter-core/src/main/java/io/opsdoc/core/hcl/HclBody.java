package io.opsdoc.core.hcl;

import java.util.List;
import java.util.Optional;

/** A sequence of attributes and blocks, either a whole file or the content of a block. */
public record HclBody(List<HclBodyItem> items, HclRange range) {

    public HclBody {
        items = List.copyOf(items);
    }

    public Optional<HclAttribute> attribute(String name) {
        return attributes().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<HclAttribute> attributes() {
        return items.stream().filter(HclAttribute.class::isInstance).map(HclAttribute.class::cast).toList();
    }

    public List<HclBlock> blocks() {
        return items.stream().filter(HclBlock.class::isInstance).map(HclBlock.class::cast).toList();
    }

    public List<HclBlock> blocks(String type) {
        return blocks().stream().filter(b -> b.type().equals(type)).toList();
    }
}
