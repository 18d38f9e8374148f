package io.opsdoc.rules.terraform;

import io.opsdoc.core.Level;
import io.opsdoc.core.hcl.HclAttribute;
import io.opsdoc.core.hcl.HclBlock;
import io.opsdoc.core.hcl.HclExpr;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Providers and modules used without a version constraint or a pinned ref. */
final class UnpinnedVersionRule implements DocumentRule {
    static final String ID = "terraform/unpinned-version";

    /** {@code namespace/name/provider} or {@code host.name/namespace/name/provider}, optionally {@code //subdir}. */
    private static final Pattern REGISTRY = Pattern.compile(
            "^(?:[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(?::\\d+)?/)?[A-Za-z0-9][A-Za-z0-9_-]*/[A-Za-z0-9][A-Za-z0-9_-]*/[A-Za-z0-9]+(?://.*)?$");
    /** A version in an archive path: {@code vpc-1.4.0.zip}, {@code /v2.1/}. */
    private static final Pattern VERSIONED_PATH = Pattern.compile("(?i)(?:^|[/_.-])v?\\d+\\.\\d+");
    private static final Pattern COMMIT = Pattern.compile("(?i)[0-9a-f]{7,40}");

    private static final String HELP = """
            An unpinned provider or module is upgraded by whatever `terraform init` finds on the
            day it runs: a new major version of the AWS provider or a changed module can rewrite or
            replace resources in a plan nobody expected, and two engineers (or the pipeline and a
            laptop) run different code against the same state.

            What counts as pinned:

            - **Providers** are pinned in `terraform { required_providers { ... } }` with a
              `version` constraint (`aws = { source = "hashicorp/aws", version = "~> 5.0" }`); the
              dependency lock file then records the exact build. An entry without `version` is
              reported. A `provider "x" { ... }` block configures a provider but does not pin it:
              a provider block whose provider has no `required_providers` entry anywhere in the
              document is reported once, at its first block (a legacy `version` argument inside a
              provider block is reported at that argument, since it is deprecated).
            - **Modules** from local paths (`./`, `../`) are versioned with the code that uses
              them. Registry modules (`namespace/name/provider`, or with a private registry host)
              need a `version` argument. Git and Mercurial sources (`git::https://...`,
              `github.com/org/repo`, `git@...`) need `?ref=` with a tag or a commit: a ref
              without any digit (`main`, `develop`) is taken to be a branch and reported. HTTP,
              S3 and GCS archives need a version in the path (`vpc-1.4.0.zip`) or a `ref`.

            **How to fix**: constrain every provider and pin every module:

            ```hcl
            terraform {
              required_version = ">= 1.6"
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = "~> 5.70"
                }
              }
            }

            module "vpc" {
              source  = "terraform-aws-modules/vpc/aws"
              version = "5.13.0"
            }

            module "tagging" {
              source = "git::https://github.com/acme/terraform-tagging.git?ref=v2.3.1"
            }
            ```
            """;

    static final Message NO_CONSTRAINT = Message.of("no-constraint",
            "provider '{0}' in required_providers has no version constraint; add version = \"~> X.Y\"");
    static final Message NOT_DECLARED = Message.of("not-declared",
            "provider '{0}' has no required_providers entry, so any version may be installed; declare it "
                    + "with a source and a version constraint");
    static final Message LEGACY_VERSION = Message.of("legacy-version",
            "the version argument in provider '{0}' is deprecated and does not pin it; move the constraint "
                    + "to terraform { required_providers }");
    static final Message MODULE = Message.of("module-unpinned", "module '{0}' source {1}");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
                    "Provider without a version constraint, or module source without a version/ref", HELP,
                    List.of("terraform", "reproducibility", "supply-chain"))
            .withMessages(NO_CONSTRAINT, NOT_DECLARED, LEGACY_VERSION, MODULE);

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
        Set<String> declared = new HashSet<>();
        for (Terraform.File file : files) {
            for (HclBlock terraform : file.body().blocks("terraform")) {
                for (HclBlock required : terraform.body().blocks("required_providers")) {
                    for (HclAttribute entry : required.body().attributes()) {
                        declared.add(entry.name());
                        if (!constrained(entry.value())) {
                            context.report(file.name(entry), NO_CONSTRAINT, entry.name());
                        }
                    }
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (Terraform.File file : files) {
            for (HclBlock provider : file.body().blocks("provider")) {
                String name = Terraform.label(provider, 0);
                if (name.isEmpty() || declared.contains(name)) {
                    continue;
                }
                Optional<HclAttribute> legacy = provider.body().attribute("version");
                if (legacy.isPresent()) {
                    context.report(file.name(legacy.get()), LEGACY_VERSION, name);
                } else if (reported.add(name)) {
                    context.report(file.header(provider), NOT_DECLARED, name);
                }
            }
            for (HclBlock module : file.body().blocks("module")) {
                module(context, file, module);
            }
        }
    }

    /** A required_providers entry: the legacy string form is a constraint; the object form needs version. */
    private static boolean constrained(HclExpr value) {
        HclExpr e = Terraform.unwrap(value);
        if (e instanceof HclExpr.ObjectCons object) {
            return object.get("version").filter(v -> Terraform.string(v).map(s -> !s.isBlank()).orElse(true))
                    .isPresent();
        }
        return Terraform.string(e).map(s -> !s.isBlank()).orElse(true);
    }

    private static void module(DocumentContext context, Terraform.File file, HclBlock module) {
        Optional<HclAttribute> sourceAttribute = module.body().attribute("source");
        Optional<String> literal = sourceAttribute.flatMap(a -> Terraform.string(a.value())).map(String::strip);
        if (literal.isEmpty()) {
            return;
        }
        String source = literal.get();
        String name = Terraform.label(module, 0);
        String lower = source.toLowerCase(Locale.ROOT);
        if (source.startsWith("./") || source.startsWith("../") || source.startsWith(".\\") || source.startsWith("..\\")) {
            return;
        }
        Optional<String> problem;
        if (lower.startsWith("git::") || lower.startsWith("git@") || lower.startsWith("hg::")
                || lower.startsWith("github.com/") || lower.startsWith("bitbucket.org/")) {
            problem = vcsProblem(source, lower.startsWith("hg::") ? "rev" : "ref");
        } else if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("s3::")
                || lower.startsWith("gcs::")) {
            problem = archiveProblem(source);
        } else if (REGISTRY.matcher(source).matches()) {
            boolean versioned = module.body().attribute("version")
                    .filter(v -> Terraform.string(v.value()).map(s -> !s.isBlank()).orElse(true)).isPresent();
            problem = versioned ? Optional.empty()
                    : Optional.of("is a registry module without a version argument; add version = \"X.Y.Z\"");
        } else {
            problem = Optional.empty();
        }
        problem.ifPresent(p -> context.report(file.name(sourceAttribute.get()), MODULE, name, p));
    }

    private static Optional<String> vcsProblem(String source, String parameter) {
        Optional<String> ref = query(source, parameter);
        if (ref.isEmpty()) {
            return Optional.of("has no ?" + parameter + "=, so it follows the default branch; pin a tag or commit"
                    + " (?" + parameter + "=v1.2.3)");
        }
        if (!pinned(ref.get())) {
            return Optional.of("pins ?" + parameter + "=" + ref.get() + ", which looks like a branch; pin a tag or"
                    + " a commit instead");
        }
        return Optional.empty();
    }

    private static Optional<String> archiveProblem(String source) {
        if (query(source, "ref").filter(UnpinnedVersionRule::pinned).isPresent()) {
            return Optional.empty();
        }
        int query = source.indexOf('?');
        String path = query < 0 ? source : source.substring(0, query);
        int scheme = path.indexOf("://");
        String afterHost = scheme < 0 ? path : path.substring(Math.max(scheme + 3, path.indexOf('/', scheme + 3)));
        if (VERSIONED_PATH.matcher(afterHost).find()) {
            return Optional.empty();
        }
        return Optional.of("is an archive without a version in its path or a ?ref=; point it at a versioned archive");
    }

    /** A tag (anything with a digit: v1.2.3, 2024.05) or a commit hash; a ref without digits is a branch name. */
    static boolean pinned(String ref) {
        return ref.chars().anyMatch(Character::isDigit) || COMMIT.matcher(ref).matches();
    }

    private static Optional<String> query(String source, String parameter) {
        int q = source.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : source.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(parameter)) {
                String value = pair.substring(eq + 1);
                int slash = value.indexOf("//");
                return Optional.of(slash >= 0 ? value.substring(0, slash) : value).filter(v -> !v.isBlank());
            }
        }
        return Optional.empty();
    }
}
