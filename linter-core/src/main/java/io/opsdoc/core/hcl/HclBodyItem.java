package io.opsdoc.core.hcl;

/** An item of a body: either an attribute (argument) or a nested block. */
public sealed interface HclBodyItem permits HclAttribute, HclBlock {

    HclRange range();
}
