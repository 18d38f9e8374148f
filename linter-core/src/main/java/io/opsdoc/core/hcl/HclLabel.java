package io.opsdoc.core.hcl;

/** A block label, either quoted ({@code "aws_instance"}) or a bare identifier. */
public record HclLabel(String value, HclRange range) {
}
