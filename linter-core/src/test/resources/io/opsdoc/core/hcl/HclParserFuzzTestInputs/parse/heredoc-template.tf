locals {
  script = <<-EOT
    #!/bin/sh
    echo "${var.name}"
    %{ for s in var.servers ~}
    server ${s}
    %{ endfor ~}
    %{ if var.debug }debug%{ else }quiet%{ endif }
  EOT
}
