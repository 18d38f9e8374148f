package io.opsdoc.core.embedded;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * One YAML document of a code block, with the parsed block that maps its nodes back to the file.
 * The one place that answers "the YAML documents of this file": every rule family and the fact
 * model read them from here, so they agree on which blocks count as YAML.
 *
 * @param code the Markdown code block
 * @param block its parsed YAML (valid)
 * @param root the root node of one document of a multi-document stream
 */
public record YamlDocument(CodeBlock code, YamlBlock block, org.snakeyaml.engine.v2.nodes.Node root) {
    /** Which blocks count as YAML. */
    public enum Tags {
        /** Tagged yaml/yml, or untagged and confidently YAML ({@link CodeBlock#isEffectively}). */
        EFFECTIVE,
        /** Only blocks tagged yaml/yml. */
        TAGGED
    }

    /** Every document of every valid block of {@code doc} that is effectively YAML, in file order. */
    public static List<YamlDocument> of(MarkdownDocument doc) {
        return of(doc.codeBlocks(), Tags.EFFECTIVE);
    }

    /** Every document of every valid YAML block among {@code blocks}, in their order. */
    public static List<YamlDocument> of(List<CodeBlock> blocks, Tags tags) {
        List<YamlDocument> result = new ArrayList<>();
        for (CodeBlock code : blocks) {
            if (isYaml(code, tags) && code.yaml().valid()) {
                YamlBlock yaml = code.yaml();
                yaml.documents().forEach(root -> result.add(new YamlDocument(code, yaml, root)));
            }
        }
        return result;
    }

    /** True when {@code code} counts as YAML under {@code tags}. */
    public static boolean isYaml(CodeBlock code, Tags tags) {
        return tags == Tags.EFFECTIVE ? code.isEffectively("yaml", "yml") : code.isLanguage("yaml", "yml");
    }
}
