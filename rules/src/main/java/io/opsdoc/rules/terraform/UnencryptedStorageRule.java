package io.opsdoc.rules.terraform;

import io.opsdoc.core.rule.Message;
import io.opsdoc.rules.DataTables;
import io.opsdoc.core.Level;
import io.opsdoc.core.hcl.HclBody;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Databases, volumes, file systems and Terraform state stored without encryption at rest. */
final class UnencryptedStorageRule implements DocumentRule {
    static final String ID = "terraform/unencrypted-storage";
    static final String BACKEND_OPTION = "require-backend-encrypt";
    static final String BUCKET_OPTION = "require-s3-bucket-encryption";
    static final OptionSpec<Boolean> REQUIRE_BACKEND_ENCRYPT = OptionSpec.bool(BACKEND_OPTION, true,
            "Report an S3 state backend that does not set `encrypt` (its default is false)");
    static final OptionSpec<Boolean> REQUIRE_BUCKET_ENCRYPTION = OptionSpec.bool(BUCKET_OPTION, false,
            "Require an explicit server-side encryption configuration for every aws_s3_bucket");

    private static final String HELP = """
            Data at rest must be encrypted: a lost snapshot, a copied volume or a read of the state
            bucket otherwise exposes it in plain text, and most compliance regimes require it. On
            AWS several services still default to *unencrypted* and encryption cannot be switched
            on later without copying the data, so the plan has to get it right from the start.

            The rule reads the resources listed in its data table:

            - `aws_db_instance`, `aws_rds_cluster`, `aws_docdb_cluster`, `aws_neptune_cluster`
              without `storage_encrypted = true` (the default is unencrypted). Read replicas
              (`replicate_source_db`), restores from snapshots and Aurora Serverless v1 clusters
              inherit or force encryption and are not reported.
            - `aws_ebs_volume` without `encrypted = true`, unless it is created from a snapshot or
              the document enables `aws_ebs_encryption_by_default` for the account.
            - `aws_efs_file_system` without `encrypted = true`, and
              `aws_elasticache_replication_group` without `at_rest_encryption_enabled = true`
              (Valkey groups are encrypted by default).
            - An explicit opt-out where the service encrypts by default: `encrypted = false` on
              Redshift, EC2 block devices and launch templates, `encrypt_at_rest { enabled = false }`
              on OpenSearch, `sqs_managed_sse_enabled = false` without a KMS key,
              `transparent_data_encryption_enabled = false` on Azure SQL databases. Google Cloud
              and Azure storage is always encrypted at rest, so there is nothing else to opt out of.
            - The S3 state backend (`terraform { backend "s3" {} }` and Terragrunt's
              `remote_state`) with `encrypt = false` or without `encrypt`: the backend's default
              is `false`, and the state holds every secret Terraform knows. S3 has encrypted new
              objects by default since January 2023, so teams that rely on the bucket's default
              encryption can turn the missing-`encrypt` case off with the option
              `require-backend-encrypt: false`; an explicit `false` is always reported. An empty
              `backend "s3" {}` is a partial configuration (settings come from
              `-backend-config`) and is not judged.
            - `aws_s3_bucket` is **not** reported by default: since AWS provider v4 encryption is
              a separate `aws_s3_bucket_server_side_encryption_configuration` resource, and S3
              encrypts every new object with SSE-S3 anyway. Set `require-s3-bucket-encryption:
              true` to require that each bucket in the document has such a configuration (for
              example to enforce SSE-KMS).

            Only literal values are judged: `storage_encrypted = var.encrypted` is left to the
            reviewer of the variable.

            **How to fix**: turn encryption on (with a customer-managed key where your policy asks
            for one) and encrypt the state:

            ```hcl
            terraform {
              backend "s3" {
                bucket       = "acme-terraform-state"
                key          = "payments/prod.tfstate"
                region       = "eu-west-1"
                encrypt      = true
                use_lockfile = true
              }
            }

            resource "aws_db_instance" "payments" {
              engine            = "postgres"
              instance_class    = "db.r6g.large"
              storage_encrypted = true
              kms_key_id        = aws_kms_key.data.arn
            }

            resource "aws_ebs_volume" "scratch" {
              availability_zone = "eu-west-1a"
              size              = 200
              encrypted         = true
            }
            ```
            """;

    static final Message DISABLED = Message.of("disabled",
            "{0} = false leaves {1} unencrypted at rest; set it to true");
    static final Message DEFAULT_UNENCRYPTED = Message.of("default-unencrypted",
            "{0} does not set {1} = true, and its default is unencrypted; add {1} = true");
    static final Message STATE_UNENCRYPTED = Message.of("state-unencrypted",
            "the S3 state backend sets encrypt = false, so the state (which holds every secret Terraform "
                    + "reads) is stored unencrypted; set encrypt = true");
    static final Message STATE_ENCRYPT_UNSET = Message.of("state-encrypt-unset",
            "the S3 state backend does not set encrypt, which defaults to false for the state file; add "
                    + "encrypt = true");
    static final Message BUCKET_UNENCRYPTED = Message.of("bucket-unencrypted",
            "{0} has no server-side encryption configuration; add an "
                    + "aws_s3_bucket_server_side_encryption_configuration for it");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
                    "Storage or Terraform state without encryption at rest", HELP,
                    List.of("terraform", "security", "encryption"))
            .withOptions(
                    REQUIRE_BACKEND_ENCRYPT, REQUIRE_BUCKET_ENCRYPTION)
            .withSecuritySeverity("7.0")
            .withMessages(DISABLED, DEFAULT_UNENCRYPTED, STATE_UNENCRYPTED, STATE_ENCRYPT_UNSET, BUCKET_UNENCRYPTED);

    /** One row of {@code storage-encryption.tsv}. */
    private record Storage(String type, String setting, boolean required, String exemptions) {
    }

    private static final class Table {
        static final List<Storage> ROWS = DataTables.read(UnencryptedStorageRule.class, "storage-encryption.tsv", 4).stream()
                .map(r -> new Storage(r.get(0), r.get(1), r.get(2).equals("required"), r.get(3))).toList();
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        List<Terraform.File> files = Terraform.files(context.document());
        if (files.isEmpty()) {
            return;
        }
        List<Terraform.Resource> resources = Terraform.resources(files);
        for (Terraform.Resource resource : resources) {
            for (Storage row : Table.ROWS) {
                if (row.type().equals(resource.type())) {
                    check(context, resources, resource, row);
                }
            }
        }
        checkBackends(context, files);
        if (context.options().get(REQUIRE_BUCKET_ENCRYPTION)) {
            checkBuckets(context, resources);
        }
    }

    private static void check(DocumentContext context, List<Terraform.Resource> all, Terraform.Resource resource,
                              Storage row) {
        List<Terraform.Setting> settings = Terraform.settings(resource.body(), row.setting());
        for (Terraform.Setting setting : settings) {
            if (Terraform.isFalse(setting.attribute().value()) && !exempt(all, setting.body(), resource.body(), row)) {
                context.report(resource.file().name(setting.attribute()), DISABLED, row.setting(), resource.display());
            }
        }
        if (row.required() && settings.isEmpty() && !exempt(all, resource.body(), resource.body(), row)) {
            context.report(resource.header(), DEFAULT_UNENCRYPTED, resource.display(), row.setting());
        }
    }

    private static boolean exempt(List<Terraform.Resource> all, HclBody body, HclBody resourceBody, Storage row) {
        List<String> local = new ArrayList<>();
        for (String token : row.exemptions().split(",")) {
            if (token.startsWith("doc:")) {
                String type = token.substring(4);
                boolean enabled = all.stream().filter(r -> r.type().equals(type))
                        .anyMatch(r -> r.body().attribute("enabled").filter(a -> Terraform.isFalse(a.value())).isEmpty());
                if (enabled) {
                    return true;
                }
            } else {
                local.add(token);
            }
        }
        String tokens = String.join(",", local);
        return Terraform.exempt(resourceBody, tokens) || Terraform.exempt(body, tokens);
    }

    private static void checkBackends(DocumentContext context, List<Terraform.File> files) {
        boolean requireExplicit = context.options().get(REQUIRE_BACKEND_ENCRYPT);
        for (S3Backends.Backend backend : S3Backends.find(files)) {
            if (backend.partial()) {
                continue;
            }
            Optional<S3Backends.Setting> encrypt = backend.get("encrypt");
            if (encrypt.isPresent() && Terraform.isFalse(encrypt.get().value())) {
                context.report(encrypt.get().name(), STATE_UNENCRYPTED);
            } else if (encrypt.isEmpty() && requireExplicit) {
                context.report(backend.anchor(), STATE_ENCRYPT_UNSET);
            }
        }
    }

    /** Opt-in: every bucket needs an encryption configuration, inline (provider v3) or as its own resource. */
    private static void checkBuckets(DocumentContext context, List<Terraform.Resource> resources) {
        for (Terraform.Resource bucket : resources) {
            if (!bucket.type().equals("aws_s3_bucket")) {
                continue;
            }
            boolean inline = !bucket.body().blocks("server_side_encryption_configuration").isEmpty();
            String prefix = "aws_s3_bucket." + bucket.name() + ".";
            boolean separate = resources.stream()
                    .filter(r -> r.type().equals("aws_s3_bucket_server_side_encryption_configuration"))
                    .map(r -> r.body().attribute("bucket"))
                    .flatMap(Optional::stream)
                    .map(a -> Terraform.unwrap(a.value()).traversalText().orElse(""))
                    .anyMatch(t -> t.startsWith(prefix));
            if (!inline && !separate) {
                context.report(bucket.header(), BUCKET_UNENCRYPTED, bucket.display());
            }
        }
    }
}
