# comment
// other comment
/* block
 comment */
variable "x" {
  default = !true || (1 + 2 * 3 % 4 - -5) >= 6 && "a" == "b"
  type    = list(object({ a = string, b = optional(number, 1) }))
}
