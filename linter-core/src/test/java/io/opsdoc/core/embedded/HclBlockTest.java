package io.opsdoc.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.hcl.HclAttribute;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class HclBlockTest {
    private CodeBlock block(String markdown) {
        return new MarkdownParser().parse(SourceFile.ofText("doc.md", markdown)).codeBlocks().get(0);
    }

    @Test
    void attributePositionsMapIntoAListItem() {
        String md = "1. Database:\n\n   ```hcl\n   resource \"aws_db_instance\" \"db\" {\n     storage_encrypted = false\n   }\n   ```\n";
        HclBlock hcl = block(md).hcl();
        assertThat(hcl.valid()).isTrue();
        HclAttribute attr = hcl.body().blocks("resource").get(0).body().attribute("storage_encrypted").orElseThrow();
        assertThat(hcl.range(attr.nameRange()).start().line()).isEqualTo(5);
        assertThat(hcl.range(attr.nameRange()).start().offset()).isEqualTo(md.indexOf("storage_encrypted"));
        assertThat(attr.value().literalBool()).contains(false);
    }

    @Test
    void syntaxErrorPositionInABlockQuoteWithCrlf() {
        String md = "> ```hcl\r\n> locals {\r\n>   a = 1 +* 2\r\n> }\r\n> ```\r\n";
        HclBlock hcl = block(md).hcl();
        assertThat(hcl.kind()).isEqualTo(BlockKind.INVALID);
        assertThat(hcl.error().orElseThrow().range().start().line()).isEqualTo(3);
        assertThat(hcl.error().orElseThrow().range().start().column()).isEqualTo(12);
    }

    @Test
    void elisionsAndPlaceholdersAreNotSyntaxErrors() {
        assertThat(block("```hcl\nresource \"x\" \"y\" {\n  a = 1\n  ...\n}\n```\n").hcl().kind()).isEqualTo(BlockKind.ELIDED);
        assertThat(block("```hcl\nmoved {\n  to = module.<module_name>.x\n}\n```\n").hcl().kind()).isEqualTo(BlockKind.TEMPLATED);
    }

    @Test
    void severalFilesInOneBlockAreParsedFileByFile() {
        String md = "```hcl\n# dev.tfvars\nenvironment = \"development\"\nmulti_az = false\n\n"
                + "# prod.tfvars\nenvironment = \"production\"\nmulti_az = true\n```\n";
        HclBlock hcl = block(md).hcl();
        assertThat(hcl.kind()).isEqualTo(BlockKind.VALID);
        assertThat(hcl.body().attributes()).hasSize(4);
        HclAttribute prod = hcl.body().attributes().get(2);
        assertThat(hcl.range(prod.nameRange()).start().line()).isEqualTo(7);
        String sameFile = "```hcl\nenvironment = \"development\"\nenvironment = \"production\"\n```\n";
        assertThat(block(sameFile).hcl().kind()).isEqualTo(BlockKind.INVALID);
    }
}
