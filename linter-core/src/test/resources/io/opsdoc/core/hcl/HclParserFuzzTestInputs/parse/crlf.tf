resource "null_resource" "x" {
  triggers = {
    a = "b"
  }
}
