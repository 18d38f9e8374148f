package io.opsdoc.core.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Self-contained tests of the HCL parser (no shared fixtures needed). */
class HclParserTest {

    private static HclParseResult parse(String text) {
        return HclParser.parse(text);
    }

    private static void assertValid(String text) {
        HclParseResult result = parse(text);
        assertThat(result.errors()).as(text).isEmpty();
    }

    /** Asserts the first error starts at the given 1-based line and column and mentions the summary. */
    private static HclDiagnostic assertError(String text, int line, int column, String summary) {
        HclParseResult result = parse(text);
        assertThat(result.errors()).as(text).isNotEmpty();
        HclDiagnostic error = result.errors().get(0);
        assertThat(error.message()).startsWith(summary);
        assertThat(error.start().line() + 1).as("line of " + error).isEqualTo(line);
        assertThat(error.start().column() + 1).as("column of " + error).isEqualTo(column);
        return error;
    }

    private static HclExpr attr(String text, String name) {
        HclParseResult result = parse(text);
        assertThat(result.errors()).as(text).isEmpty();
        return result.body().attribute(name).orElseThrow().value();
    }

    // ------------------------------------------------------------------ valid constructs

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\n\n",
        "a = 1\n",
        "a = 1",
        "resource \"aws_instance\" \"web\" {\n  ami = \"x\"\n}\n",
        "block label1 \"label2\" {\n}\n",
        "a { b = 1 }\n",
        "a {}\n",
        "a \"x\" { b = [1, 2] }\n",
        "# c\n// c\n/* multi\nline */ a = 1 # trailing\n",
        "a = 1e3\nb = 0.5e-3\nc = 1.5\nd = 1E+2\n",
        "a = true\nb = false\nc = null\n",
        "a = \"x ${var.y} z\"\n",
        "a = \"%{ if var.x }yes%{ else }no%{ endif }\"\n",
        "a = \"%{~ for k, v in var.m ~}${k}=${v}%{ endfor ~}\"\n",
        "a = \"\\n \\t \\\" \\\\ \\u00e9 \\U0001F600 $${x} %%{y}\"\n",
        "a = <<EOF\nhello ${name}\n%{ if x }y%{ endif }\nEOF\n",
        "a = <<-EOT\n    indented\n    EOT\n",
        "a = [\n  1,\n  2,\n]\n",
        "a = {\n  b = 1\n  \"c\" = 2, d: 3\n  (e) = 4\n}\n",
        "a = [for k, v in x : v if c]\n",
        "a = {for k, v in x : k => v...}\n",
        "a = {\n  for k, v in x : k => v\n  if v != null\n}\n",
        "a = x.*.id\nb = x[*].id\nc = x[*]\n",
        "a = x[0]\nb = x.0.1\nc = x[\"k\"].y\n",
        "a = f(1, 2)\nb = f(x...)\nc = f(\n  1,\n  2,\n)\n",
        "a = provider::aws::arn_parse(\"x\")\n",
        "a = c ? b : d\nb = x ? y ? 1 : 2 : 3\n",
        "a = 1 || 2 && 3 == 4 != 5 < 6 > 7 <= 8 >= 9 + 10 - 11 * 12 / 13 % 14\n",
        "a = !x\nb = -x\nc = -1\nd = !!x\n",
        "a = (1 +\n  2)\n",
        "a = module.m.out[0].id\nb = each.key\nc = count.index\n",
        "a = f(x).y[0]\n",
        "a = \"${\"nested ${\"deep\"}\"}\"\n",
        "a = \"${\n  x\n}\"\n",
        "a-b = 1\nc = a-b\n",
        "a = <<EOF\nEOF\n",
        "a = \"\"\n",
        "a = {}\nb = []\n",
        "a = [for x in y : { k = x }]\n",
        "resource \"x\" \"y\" {\n  dynamic \"z\" {\n    for_each = var.z\n    content {\n      v = z.value\n    }\n  }\n}\n",
        "a = 1\r\nb = 2\r\n",
        "a = \"\u00e9\u4e2d\"\n\u00e9t\u00e9 = 1\n",
        "a = x.y.*.z\n",
        "a = { for = 1 }\n",
    })
    void acceptsValidConstructs(String text) {
        assertValid(text);
    }

    // ------------------------------------------------------------------ errors and their positions

    @Test
    void reportsUnclosedBlockAtOpeningBrace() {
        assertError("resource \"a\" \"b\" {\n  ami = \"x\"\n", 1, 18, "Unclosed configuration block");
    }

    @Test
    void reportsMissingValueAtNewline() {
        assertError("r {\n  ami =\n}\n", 2, 8, "Invalid expression");
    }

    @Test
    void reportsMultiLineQuotedString() {
        assertError("l {\n  a = \"abc\n}\n", 2, 11, "Invalid multi-line string");
    }

    @Test
    void reportsProseAsInvalidBlockDefinition() {
        assertError("This is not HCL, really.\n", 1, 16, "Invalid block definition");
    }

    @Test
    void rejectsTwoAttributesInSingleLineBlock() {
        assertError("locals { a = 1 b = 2 }\n", 1, 16, "Invalid single-argument block definition");
    }

    @Test
    void reportsMissingItemSeparator() {
        assertError("l {\n  a = [1, 2\n}\n", 3, 1, "Missing item separator");
    }

    @Test
    void reportsYamlAsArgumentOrBlockRequired() {
        assertError("resources:\n  - name: web\n", 1, 1, "Argument or block definition required");
    }

    @Test
    void reportsStrayClosingBrace() {
        assertError("a {\n}\n}\n", 3, 1, "Argument or block definition required");
    }

    @Test
    void reportsBadOperator() {
        assertError("a = 1 +* 2\n", 1, 8, "Invalid expression");
    }

    @Test
    void reportsInvalidEscape() {
        assertError("a = \"it\\'s\"\n", 1, 8, "Invalid escape sequence");
    }

    @Test
    void reportsQuotedArgumentName() {
        assertError("a {\n  \"b\" = 1\n}\n", 2, 3, "Invalid argument name");
    }

    @Test
    void reportsMissingAttributeNameAfterDot() {
        assertError("a = module.<name>.x\n", 1, 12, "Invalid attribute name");
    }

    @Test
    void reportsEllipsisInObject() {
        assertError("a = {\n  ...\n}\n", 2, 3, "Invalid expression");
    }

    @Test
    void reportsMissingNewlineAfterArgument() {
        assertError("a = 1 b = 2\n", 1, 7, "Missing newline after argument");
    }

    @Test
    void reportsRedefinedAttribute() {
        assertError("a = 1\na = 2\n", 2, 1, "Attribute redefined");
    }

    @Test
    void reportsUnterminatedHeredoc() {
        assertError("a = <<EOF\nnever closed\n", 1, 5, "Unterminated template string");
    }

    @Test
    void reportsUnterminatedDirective() {
        assertError("a = \"%{ if x }yes\"\n", 1, 6, "Unterminated template directive");
    }

    @Test
    void reportsUnexpectedEndif() {
        assertError("a = \"%{ endif }\"\n", 1, 6, "Unexpected endif directive");
    }

    @Test
    void reportsInterpolationInBlockLabel() {
        assertError("a \"${x}\" {\n}\n", 1, 3, "Invalid string literal");
    }

    @Test
    void rejectsNewlineInsideBinaryExpressionOutsideBrackets() {
        assertError("a = 1 +\n  2\n", 1, 8, "Invalid expression");
    }

    @Test
    void rejectsUnterminatedBlockComment() {
        assertError("a = 1 /* no end\n", 1, 7, "Unterminated comment");
    }

    // ------------------------------------------------------------------ robustness

    @Test
    void deepBracketNestingIsACleanError() {
        String text = "a = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThatCode(() -> parse(text)).doesNotThrowAnyException();
        assertThat(parse(text).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("Nesting too deep"));
    }

    @Test
    void deepBlockNestingIsACleanError() {
        String text = "a {\n".repeat(10_000) + "}\n".repeat(10_000);
        assertThat(parse(text).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("Nesting too deep"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "!", "-", "{a=", "f(", "\"${", "x ? 1 : ", "{for x in y : x => "})
    void otherDeepNestingIsACleanError(String opener) {
        String text = "a = " + opener.repeat(10_000) + "\n";
        HclParseResult result = parse(text);
        assertThat(result.errors()).isNotEmpty();
    }

    @Test
    void deepTemplateDirectivesAreACleanError() {
        String text = "a = \"" + "%{ if x }".repeat(10_000) + "\"\n";
        assertThat(parse(text).errors()).isNotEmpty();
    }

    @Test
    void nestingJustBelowTheLimitIsAccepted() {
        int levels = 500;
        assertValid("a = " + "[".repeat(levels) + "]".repeat(levels) + "\n");
        assertValid("a = " + "(".repeat(levels) + "1" + ")".repeat(levels) + "\n");
        assertValid("a = " + "f(".repeat(levels) + ")".repeat(levels) + "\n");
        assertValid("a = " + "{b = ".repeat(levels) + "1" + "}".repeat(levels) + "\n");
        assertValid("a {\n".repeat(levels) + "}\n".repeat(levels));
        assertValid("a = \"" + "%{ if x }".repeat(100) + "y" + "%{ endif }".repeat(100) + "\"\n");
    }

    @Test
    @Timeout(10)
    void longLinesParseInLinearTime() {
        int size = 200_000;
        assertValid("a = \"" + "x".repeat(size) + "\"\n");
        assertValid("a = [" + "1,".repeat(size / 2) + "]\n");
        assertValid("a = " + "1 + ".repeat(size / 4) + "1\n");
        assertValid("a = 1 # " + "c".repeat(size) + "\n");
        assertValid("a = " + "x.".repeat(size / 2) + "y\n");
        assertValid("a = {" + "k = 1, ".repeat(size / 7) + "}\n");
    }

    @Test
    @Timeout(20)
    void hugeInputIsFine() {
        String text = "resource \"aws_instance\" \"web\" {\n  ami = \"ami-123\"\n  tags = { Name = \"x\" }\n}\n"
                .repeat(50_000);
        HclParseResult result = parse(text);
        assertThat(result.errors()).isEmpty();
        assertThat(result.body().blocks("resource")).hasSize(50_000);
    }

    @Test
    void nullAndGarbageNeverThrow() {
        assertThatCode(() -> parse(null)).doesNotThrowAnyException();
        for (String junk : new String[] {"\"", "<<", "<<EOF", "${", "%{", "\\", "\u0000", "a = \"\\u12\"",
            "a = \"\\", "a = x.", "a = x[", "a = f(x...", "a = [for", "a = {for k,", "a = \"${x", "\uD800",
            "a = \"%{", "a = \"%{ for }\"", "a = 1.", "a = -", "a { b {", "a = <<-\n", "}", "a = x ? y"}) {
            assertThatCode(() -> parse(junk)).as(junk).doesNotThrowAnyException();
            assertThat(parse(junk).errors()).as(junk).isNotEmpty();
        }
    }

    // ------------------------------------------------------------------ tree shape

    @Test
    void exposesAttributesAndBlocks() {
        String text = "resource \"aws_instance\" web {\n  ami = \"ami-123\"\n  count = 2\n}\nvariable \"x\" {}\n";
        HclParseResult result = parse(text);
        assertThat(result.errors()).isEmpty();
        HclBlock resource = result.body().blocks("resource").get(0);
        assertThat(resource.label(0)).isEqualTo("aws_instance");
        assertThat(resource.label(1)).isEqualTo("web");
        assertThat(resource.label(2)).isNull();
        assertThat(resource.labels().get(0).range().start().column()).isEqualTo(9);
        assertThat(resource.typeRange().end().column()).isEqualTo(8);
        assertThat(resource.body().attribute("ami").flatMap(a -> a.value().literalString())).contains("ami-123");
        assertThat(resource.body().attribute("count").flatMap(a -> a.value().literalNumber()))
                .contains(new BigDecimal("2"));
        assertThat(resource.body().attribute("missing")).isEmpty();
        assertThat(result.body().blocks()).hasSize(2);
        assertThat(result.body().attributes()).isEmpty();
        HclAttribute ami = resource.body().attribute("ami").orElseThrow();
        assertThat(ami.nameRange().start()).isEqualTo(new HclPos(32, 1, 2));
        assertThat(ami.value().sourceText(text)).isEqualTo("\"ami-123\"");
    }

    @Test
    void literalHelpers() {
        assertThat(attr("a = true\n", "a").literalBool()).contains(true);
        assertThat(attr("a = false\n", "a").literalBool()).contains(false);
        assertThat(attr("a = true\n", "a").literalString()).isEmpty();
        assertThat(attr("a = 1\n", "a").literalString()).isEmpty();
        assertThat(attr("a = 0.5e-3\n", "a").literalNumber()).contains(new BigDecimal("0.5e-3"));
        assertThat(attr("a = -3\n", "a").literalNumber()).contains(new BigDecimal("-3"));
        assertThat(attr("a = null\n", "a").isLiteral()).isTrue();
        assertThat(attr("a = \"x\\ty\"\n", "a").literalString()).contains("x\ty");
        assertThat(attr("a = \"$${x}\"\n", "a").literalString()).contains("${x}");
        assertThat(attr("a = \"x${y}\"\n", "a").literalString()).isEmpty();
        assertThat(attr("a = \"x${y}\"\n", "a").isLiteral()).isFalse();
        assertThat(attr("a = <<EOF\nline\nEOF\n", "a").literalString()).contains("line\n");
        assertThat(attr("a = <<-EOF\n    one\n      two\n    EOF\n", "a").literalString()).contains("one\n  two\n");
    }

    @Test
    void traversalText() {
        assertThat(attr("a = var.x\n", "a").traversalText()).contains("var.x");
        assertThat(attr("a = module.m.out[0].id\n", "a").traversalText()).contains("module.m.out[0].id");
        assertThat(attr("a = x[\"k\"]\n", "a").traversalText()).contains("x[\"k\"]");
        assertThat(attr("a = x.0\n", "a").traversalText()).contains("x.0");
        assertThat(attr("a = f(x)\n", "a").traversalText()).isEmpty();
        assertThat(attr("a = x[y]\n", "a").traversalText()).isEmpty();
        assertThat(attr("a = x[y]\n", "a")).isInstanceOf(HclExpr.Index.class);
    }

    @Test
    void objectKeyLookup() {
        HclExpr value = attr("a = {\n  name = \"n\"\n  \"quoted\" = 2\n  (expr) = 3\n}\n", "a");
        assertThat(value).isInstanceOf(HclExpr.ObjectCons.class);
        HclExpr.ObjectCons object = (HclExpr.ObjectCons) value;
        assertThat(object.get("name").flatMap(HclExpr::literalString)).contains("n");
        assertThat(object.get("quoted").flatMap(HclExpr::literalNumber)).contains(BigDecimal.valueOf(2));
        assertThat(object.get("expr")).isEmpty();
        assertThat(object.items()).hasSize(3);
    }

    @Test
    void expressionShapes() {
        HclExpr sum = attr("a = 1 + 2 * 3\n", "a");
        assertThat(sum).isInstanceOfSatisfying(HclExpr.Binary.class, b -> {
            assertThat(b.operator()).isEqualTo(HclOperator.ADD);
            assertThat(b.right()).isInstanceOfSatisfying(HclExpr.Binary.class,
                    r -> assertThat(r.operator()).isEqualTo(HclOperator.MULTIPLY));
        });
        HclExpr chain = attr("a = 1 - 2 - 3\n", "a");
        assertThat(chain).isInstanceOfSatisfying(HclExpr.Binary.class,
                b -> assertThat(b.left()).isInstanceOf(HclExpr.Binary.class));
        assertThat(attr("a = c ? 1 : 2\n", "a")).isInstanceOf(HclExpr.Conditional.class);
        assertThat(attr("a = provider::aws::arn_parse(x)\n", "a")).isInstanceOfSatisfying(HclExpr.FunctionCall.class,
                f -> assertThat(f.name()).isEqualTo("provider::aws::arn_parse"));
        assertThat(attr("a = f(x...)\n", "a")).isInstanceOfSatisfying(HclExpr.FunctionCall.class,
                f -> assertThat(f.expandFinal()).isTrue());
        assertThat(attr("a = {for k, v in m : k => v...}\n", "a")).isInstanceOfSatisfying(HclExpr.ForExpr.class,
                f -> {
                    assertThat(f.keyVar()).isEqualTo("k");
                    assertThat(f.valueVar()).isEqualTo("v");
                    assertThat(f.grouping()).isTrue();
                    assertThat(f.objectResult()).isTrue();
                });
        assertThat(attr("a = x[*].id\n", "a")).isInstanceOfSatisfying(HclExpr.GetAttr.class,
                g -> assertThat(g.source()).isInstanceOfSatisfying(HclExpr.Splat.class,
                        s -> assertThat(s.full()).isTrue()));
        assertThat(attr("a = (1)\n", "a")).isInstanceOf(HclExpr.Parens.class);
        assertThat(attr("a = !x\n", "a")).isInstanceOf(HclExpr.Unary.class);
        assertThat(attr("a = \"%{ if x }y%{ else }z%{ endif }\"\n", "a"))
                .isInstanceOfSatisfying(HclExpr.Template.class, t -> assertThat(t.parts()).singleElement()
                        .isInstanceOfSatisfying(HclTemplatePart.IfDirective.class,
                                d -> assertThat(d.elseParts()).hasSize(1)));
        assertThat(attr("a = <<-EOF\n  x\n  EOF\n", "a")).isInstanceOfSatisfying(HclExpr.Template.class, t -> {
            assertThat(t.isHeredoc()).isTrue();
            assertThat(t.flush()).isTrue();
            assertThat(t.heredocMarker()).isEqualTo("EOF");
        });
    }

    @Test
    void partialBodyOnError() {
        HclParseResult result = parse("a = 1\nb {\n}\nc = \n");
        assertThat(result.errors()).isNotEmpty();
        assertThat(result.body().attribute("a")).isPresent();
        assertThat(result.body().blocks("b")).hasSize(1);
    }

    @Test
    void utf16Positions() {
        // The emoji is two UTF-16 code units, so the error column counts it twice.
        HclDiagnostic error = assertError("a = \"\uD83D\uDE00\" +* 1\n", 1, 11, "Invalid expression");
        assertThat(error.start().offset()).isEqualTo(10);
        assertThat(error.end().offset()).isEqualTo(11);
    }
}
