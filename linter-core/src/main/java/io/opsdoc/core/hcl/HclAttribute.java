package io.opsdoc.core.hcl;

/** An attribute (Terraform "argument") definition {@code name = value}. */
public record HclAttribute(String name, HclRange nameRange, HclExpr value, HclRange range)
        implements HclBodyItem {
}
