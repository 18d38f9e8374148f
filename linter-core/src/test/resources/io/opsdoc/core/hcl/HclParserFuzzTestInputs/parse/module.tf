module "vpc" {
  source = "git::https://example.com/vpc.git"
  cidr   = var.cidr
  count  = var.enabled ? 1 : 0
}
