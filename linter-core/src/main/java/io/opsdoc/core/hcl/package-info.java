/**
 * A dependency-free parser for HashiCorp HCL2 native syntax (Terraform {@code .tf} files).
 *
 * <p>Entry point: {@link io.opsdoc.core.hcl.HclParser#parse(String)}. The parser only builds a
 * syntax tree and reports the first syntax error, with positions that follow HashiCorp's
 * diagnostics; it never evaluates expressions.
 */
package io.opsdoc.core.hcl;
