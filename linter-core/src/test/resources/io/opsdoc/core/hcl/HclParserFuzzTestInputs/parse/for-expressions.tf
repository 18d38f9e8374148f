locals {
  tags = { for k, v in var.tags : k => upper(v) }
  list = [for s in var.list : s if s != ""]
  ids  = aws_instance.web[*].id
  first = var.list[0].name
}
