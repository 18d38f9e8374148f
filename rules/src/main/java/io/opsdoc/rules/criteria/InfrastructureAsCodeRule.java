package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.Blocks;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** The infrastructure document must name its IaC tool and define the infrastructure in code. */
public final class InfrastructureAsCodeRule implements SetRule {
    private static final Set<String> PROGRAM_LANGUAGES = Set.of("typescript", "ts", "javascript", "js", "python",
            "py", "go", "golang", "csharp", "cs", "c#", "java", "kotlin", "yaml", "yml");
    /** Pulumi / CDK style: {@code new aws.ec2.Vpc(...)}, {@code new s3.Bucket(...)}. */
    private static final Pattern CONSTRUCT = Pattern.compile("\\bnew\\s+[A-Za-z_][\\w]*\\.[\\w.]+\\s*\\(");
    private static final Pattern PY_CONSTRUCT = Pattern.compile("=\\s*[a-z_]+\\.[a-z0-9_.]*\\.?[A-Z]\\w*\\(\\s*[\"']");
    private static final Pattern CFN_TYPE = Pattern.compile("(?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9:]+|Custom::[A-Za-z0-9_@-]+");
    private static final Pattern BICEP = Pattern.compile("(?m)^\\s*resource\\s+\\w+\\s+'[^']+@");

    static final Message NO_TOOL = Message.of("no-tool",
            "No infrastructure-as-code tool named in {0} or elsewhere in the document; name the tool (e.g. "
                    + "Terraform, OpenTofu, Pulumi, CloudFormation)");
    static final Message NO_CODE = Message.of("no-code",
            "No infrastructure defined in code: no code block declares resources (HCL resource/module "
                    + "blocks, CloudFormation Resources, Pulumi or CDK programs, manifests); define the components in "
                    + "{0} as code");

    private static final String HELP = """
            "Infrastructure is fully defined in code" means two things a reviewer checks: the tool is \
            named (Terraform, OpenTofu, Pulumi, CloudFormation, Bicep, Crossplane, Ansible...) and the \
            document actually shows the infrastructure as code — resource definitions, not only prose.

            The rule looks for the tool in the document (option `iac-tools` / `extra-iac-tools`) and for \
            code blocks that define resources: HCL `resource`/`module` blocks, CloudFormation `Resources` with `Type` (or resources shown without the `Resources:` wrapper), Kubernetes or \
            Crossplane manifests, Ansible plays, Pulumi YAML `resources`, Pulumi/CDK programs \
            (`new aws.ec2.Vpc(...)`) and Bicep `resource` declarations.

            **How to fix**: name the tool in the overview and define each component in a block:

            ```hcl
            resource "aws_db_instance" "orders" {
              engine            = "postgres"
              instance_class    = var.db_instance_class
              storage_encrypted = true
            }
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("criteria/infrastructure-as-code", Level.WARNING,
                "No IaC tool named or no infrastructure actually defined in code blocks", HELP,
                List.of("criteria", "iac")).withOptions(
                        Vocabulary.get().options("iac-tools", "Infrastructure-as-code tool names").toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code")
                .withMessages(NO_TOOL, NO_CODE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.IAC, "Infrastructure as Code Overview").forEach(iac -> check(context, iac));
    }

    private void check(SetContext context, Focus iac) {
        MarkdownDocument doc = iac.document();
        Optional<Section> overview = iac.section();
        Optional<Section> components = iac.section("Infrastructure Components");
        List<String> tools = Vocabulary.get().effective(context.options(), "iac-tools");
        if (!Vocabulary.contains(Evidence.text(doc), tools)) {
            context.report(doc, Evidence.anchor(doc, overview), NO_TOOL,
                    Evidence.where(overview, "Infrastructure as Code Overview"));
        }
        if (doc.codeBlocks().stream().noneMatch(InfrastructureAsCodeRule::definesInfrastructure)) {
            context.report(doc, Evidence.anchor(doc, components.or(() -> overview)), NO_CODE,
                    Evidence.where(components, "Infrastructure Components"));
        }
    }

    static boolean definesInfrastructure(CodeBlock block) {
        if (Blocks.isHcl(block)) {
            return Evidence.hclBlockTypes(block).stream().anyMatch(t -> t.startsWith("resource") || t.startsWith("module"));
        }
        if (block.isLanguage("bicep")) {
            return BICEP.matcher(block.content()).find();
        }
        if (Blocks.isYaml(block) && block.yaml().valid()) {
            for (Node root : block.yaml().documents()) {
                if (YamlNodes.has(root, "Resources") || YamlNodes.has(root, "resources")
                        || (YamlNodes.has(root, "apiVersion") && YamlNodes.has(root, "kind"))) {
                    return true;
                }
                // Docs often show the entries of `Resources:` without the wrapper: a logical id whose
                // value has `Type: AWS::<Service>::<Resource>` is a CloudFormation resource.
                for (var entry : YamlNodes.entries(root)) {
                    if (YamlNodes.scalarAt(entry.getValueNode(), "Type").filter(t -> CFN_TYPE.matcher(t).matches()).isPresent()) {
                        return true;
                    }
                }
                for (Node item : YamlNodes.items(root)) {
                    if (YamlNodes.has(item, "hosts") && (YamlNodes.has(item, "tasks") || YamlNodes.has(item, "roles"))) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (PROGRAM_LANGUAGES.contains(block.language())) {
            return CONSTRUCT.matcher(block.content()).find() || PY_CONSTRUCT.matcher(block.content()).find();
        }
        return false;
    }
}
