package io.opsdoc.rules.terraform;

import io.opsdoc.core.rule.Message;
import io.opsdoc.rules.DataTables;
import io.opsdoc.core.Level;
import io.opsdoc.core.hcl.HclAttribute;
import io.opsdoc.core.hcl.HclBlock;
import io.opsdoc.core.hcl.HclBody;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Listeners and endpoints that accept TLS 1.0/1.1, and plain-HTTP listeners that do not redirect. */
final class OutdatedTlsPolicyRule implements DocumentRule {
    static final String ID = "terraform/outdated-tls-policy";
    static final String RECOMMENDED = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    private static final Set<String> LISTENERS = Set.of("aws_lb_listener", "aws_alb_listener");
    private static final Set<String> LOAD_BALANCERS = Set.of("aws_lb", "aws_alb");

    private static final String HELP = """
            TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak hash constructions and
            CBC cipher suites, PCI DSS forbids them, and every current browser and SDK speaks
            TLS 1.2. A policy that still accepts them lets an attacker downgrade connections. A
            listener on plain HTTP that serves the application (instead of redirecting to HTTPS)
            sends sessions and credentials in clear text.

            The rule reports:

            - `aws_lb_listener`/`aws_alb_listener` whose `ssl_policy` allows TLS 1.0 or 1.1, from
              the data table of AWS security policies (`ELBSecurityPolicy-2016-08`,
              `-TLS-1-1-2017-01`, `-FS-2018-06`, `-TLS13-1-0-2021-06`, ...). An HTTPS or TLS
              listener **without** `ssl_policy` gets `ELBSecurityPolicy-2016-08` (the API default)
              and is reported too.
            - `protocol = "HTTP"` listeners whose `default_action` is not a `redirect`, except on a
              load balancer the document declares `internal = true`.
            - `aws_cloudfront_distribution` with `minimum_protocol_version` `SSLv3`, `TLSv1`,
              `TLSv1_2016` or `TLSv1.1_2016`.
            - Azure, Google Cloud and Cloudflare minimum-TLS arguments (`min_tls_version`,
              `minimum_tls_version`, `ssl_minimal_tls_version_enforced`, ...) set to 1.0 or 1.1.

            Policies and values that are expressions (`var.ssl_policy`) are not judged.

            **How to fix**: use a TLS 1.2+/1.3 policy and redirect HTTP to HTTPS:

            ```hcl
            resource "aws_lb_listener" "https" {
              load_balancer_arn = aws_lb.public.arn
              port              = 443
              protocol          = "HTTPS"
              ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
              certificate_arn   = aws_acm_certificate.site.arn

              default_action {
                type             = "forward"
                target_group_arn = aws_lb_target_group.web.arn
              }
            }

            resource "aws_lb_listener" "http" {
              load_balancer_arn = aws_lb.public.arn
              port              = 80
              protocol          = "HTTP"

              default_action {
                type = "redirect"
                redirect {
                  port        = "443"
                  protocol    = "HTTPS"
                  status_code = "HTTP_301"
                }
              }
            }
            ```
            """;

    static final Message OLD_POLICY = Message.of("old-policy", "ssl_policy {0} of {1} still accepts {2}; use {3}");
    static final Message NO_POLICY = Message.of("no-policy",
            "{0} is {1} without ssl_policy, so it gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0; set "
                    + "ssl_policy = \"{2}\"");
    static final Message PLAIN_HTTP = Message.of("plain-http",
            "{0} serves plain HTTP instead of redirecting; make its default_action a redirect to HTTPS (port "
                    + "443, HTTP_301)");
    static final Message OLD_CLOUDFRONT = Message.of("old-cloudfront",
            "minimum_protocol_version {0} of {1} accepts {2}; use TLSv1.2_2021");
    static final Message OLD_MINIMUM = Message.of("old-minimum",
            "{0} = \"{1}\" on {2} accepts {3}; require TLS 1.2 or later");
    static final Message OLD_ZONE_SETTING = Message.of("old-zone-setting",
            "the min_tls_version setting \"{0}\" of {1} accepts {2}; require TLS 1.2 or later");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
                    "Listener with a TLS policy that allows TLS 1.0/1.1, or plain HTTP without a redirect", HELP,
                    List.of("terraform", "security", "tls"))
            .withSecuritySeverity("5.9")
            .withMessages(OLD_POLICY, NO_POLICY, PLAIN_HTTP, OLD_CLOUDFRONT, OLD_MINIMUM, OLD_ZONE_SETTING);

    /** The data table, by kind: value (lower case) to the oldest protocol it allows. */
    private static final class Table {
        static final Map<String, Map<String, String>> KINDS = load();

        private static Map<String, Map<String, String>> load() {
            Map<String, Map<String, String>> kinds = new HashMap<>();
            for (List<String> row : DataTables.read(OutdatedTlsPolicyRule.class, "tls-policies.tsv", 3)) {
                kinds.computeIfAbsent(row.get(0), k -> new HashMap<>())
                        .put(row.get(1).toLowerCase(Locale.ROOT), row.get(2));
            }
            return kinds;
        }

        static Optional<String> lookup(String kind, String value) {
            return Optional.ofNullable(KINDS.getOrDefault(kind, Map.of()).get(value.strip().toLowerCase(Locale.ROOT)));
        }

        static boolean inScope(String type) {
            return KINDS.getOrDefault("min-tls-scope", Map.of()).keySet().stream().anyMatch(type::startsWith);
        }

        static boolean isMinTlsAttribute(String name) {
            return KINDS.getOrDefault("min-tls-attribute", Map.of()).containsKey(name.toLowerCase(Locale.ROOT));
        }
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
            if (LISTENERS.contains(resource.type())) {
                listener(context, resources, resource);
            } else if (resource.type().equals("aws_cloudfront_distribution")) {
                cloudfront(context, resource);
            } else if (Table.inScope(resource.type())) {
                minimumTls(context, resource, resource.body());
                zoneSetting(context, resource);
            }
        }
    }

    private static void listener(DocumentContext context, List<Terraform.Resource> all, Terraform.Resource listener) {
        HclBody body = listener.body();
        Optional<HclAttribute> protocolAttribute = body.attribute("protocol");
        String protocol = protocolAttribute.flatMap(a -> Terraform.string(a.value()))
                .map(p -> p.strip().toUpperCase(Locale.ROOT)).orElse("");
        Optional<HclAttribute> policy = body.attribute("ssl_policy");
        if (policy.isPresent()) {
            Optional<String> name = Terraform.string(policy.get().value());
            name.flatMap(n -> Table.lookup("elb", n)).ifPresent(oldest -> context.report(
                    listener.file().name(policy.get()), OLD_POLICY, name.get().strip(), listener.display(), oldest,
                    RECOMMENDED));
        } else if ((protocol.equals("HTTPS") || protocol.equals("TLS"))) {
            context.report(listener.file().name(protocolAttribute.get()), NO_POLICY, listener.display(), protocol,
                    RECOMMENDED);
        }
        if (protocol.equals("HTTP") && servesPlainHttp(body) && !internal(all, body)) {
            context.report(listener.file().name(protocolAttribute.get()), PLAIN_HTTP, listener.display());
        }
    }

    /** True when every default action is known and none redirects to HTTPS. */
    private static boolean servesPlainHttp(HclBody body) {
        boolean dynamicActions = body.blocks("dynamic").stream().anyMatch(b -> "default_action".equals(b.label(0)));
        List<HclBlock> actions = body.blocks("default_action");
        if (dynamicActions || actions.isEmpty()) {
            return false;
        }
        for (HclBlock action : actions) {
            Optional<String> type = action.body().attribute("type").flatMap(a -> Terraform.string(a.value()));
            if (type.isEmpty()) {
                return false;
            }
            if (type.get().equalsIgnoreCase("redirect")) {
                boolean toHttp = action.body().blocks("redirect").stream()
                        .map(r -> r.body().attribute("protocol").flatMap(a -> Terraform.string(a.value())))
                        .flatMap(Optional::stream)
                        .anyMatch(p -> p.equalsIgnoreCase("HTTP"));
                if (!toHttp) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when the listener's load balancer is declared in this document with {@code internal = true}. */
    private static boolean internal(List<Terraform.Resource> all, HclBody listener) {
        Optional<String> reference = listener.attribute("load_balancer_arn")
                .flatMap(a -> Terraform.unwrap(a.value()).traversalText());
        if (reference.isEmpty()) {
            return false;
        }
        return all.stream().filter(r -> LOAD_BALANCERS.contains(r.type()))
                .filter(r -> reference.get().startsWith(r.type() + "." + r.name() + "."))
                .anyMatch(r -> r.body().attribute("internal").filter(a -> Terraform.isTrue(a.value())).isPresent());
    }

    private static void cloudfront(DocumentContext context, Terraform.Resource distribution) {
        for (Terraform.Setting setting : Terraform.settings(distribution.body(),
                "viewer_certificate.minimum_protocol_version")) {
            Optional<String> value = Terraform.string(setting.attribute().value());
            value.flatMap(v -> Table.lookup("cloudfront", v)).ifPresent(oldest -> context.report(
                    distribution.file().name(setting.attribute()), OLD_CLOUDFRONT, value.get().strip(),
                    distribution.display(), oldest));
        }
    }

    /** Minimum-TLS arguments anywhere in a resource, including nested blocks such as {@code site_config}. */
    private static void minimumTls(DocumentContext context, Terraform.Resource resource, HclBody body) {
        for (HclAttribute attribute : body.attributes()) {
            if (Table.isMinTlsAttribute(attribute.name())) {
                Optional<String> value = Terraform.string(attribute.value());
                value.flatMap(v -> Table.lookup("min-tls-value", v)).ifPresent(oldest -> context.report(
                        resource.file().name(attribute), OLD_MINIMUM, attribute.name(), value.get().strip(),
                        resource.display(), oldest));
            }
        }
        body.blocks().forEach(block -> minimumTls(context, resource, block.body()));
    }

    /** Cloudflare's one-setting-per-resource form: {@code setting_id = "min_tls_version"} with {@code value}. */
    private static void zoneSetting(DocumentContext context, Terraform.Resource resource) {
        HclBody body = resource.body();
        boolean minTls = body.attribute("setting_id").flatMap(a -> Terraform.string(a.value()))
                .filter(Table::isMinTlsAttribute).isPresent();
        Optional<HclAttribute> value = body.attribute("value");
        if (!minTls || value.isEmpty()) {
            return;
        }
        Optional<String> text = Terraform.string(value.get().value());
        text.flatMap(v -> Table.lookup("min-tls-value", v)).ifPresent(oldest -> context.report(
                resource.file().name(value.get()), OLD_ZONE_SETTING, text.get().strip(), resource.display(), oldest));
    }
}
