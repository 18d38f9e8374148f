package io.opsdoc.rules.terraform;

import io.opsdoc.core.embedded.HclBlock;
import io.opsdoc.core.hcl.HclAttribute;
import io.opsdoc.core.hcl.HclBody;
import io.opsdoc.core.hcl.HclExpr;
import io.opsdoc.core.hcl.HclLabel;
import io.opsdoc.core.hcl.HclRange;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading Terraform out of a Markdown document: the valid HCL blocks, their resources and the
 * literal values the rules judge. Only blocks that parse completely are read; the partial tree of
 * an invalid block could pair an attribute with the wrong resource.
 */
final class Terraform {
    /** The fence languages whose blocks are Terraform (as the brief of the family says). */
    private static final List<String> LANGUAGES = List.of("hcl", "terraform", "tf");

    private Terraform() {
    }

    /** One parsed code block. */
    record File(HclBlock hcl) {
        HclBody body() {
            return hcl.body();
        }

        Range range(HclRange range) {
            return hcl.range(range);
        }

        /** Where the header of a block is: its type and labels, {@code resource "aws_lb" "public"}. */
        Range header(io.opsdoc.core.hcl.HclBlock block) {
            HclRange end = block.labels().isEmpty() ? block.typeRange()
                    : block.labels().get(block.labels().size() - 1).range();
            return hcl.range(new HclRange(block.typeRange().start(), end.end()));
        }

        /** Where an attribute's name is. */
        Range name(HclAttribute attribute) {
            return hcl.range(attribute.nameRange());
        }
    }

    /** A {@code resource "TYPE" "NAME"} block. */
    record Resource(File file, io.opsdoc.core.hcl.HclBlock block) {
        String type() {
            return block.label(0);
        }

        String name() {
            return block.label(1);
        }

        HclBody body() {
            return block.body();
        }

        Range header() {
            return file.header(block);
        }

        /** {@code aws_db_instance 'main'}, the way messages name a resource. */
        String display() {
            return type() + " '" + name() + "'";
        }
    }

    /** The valid Terraform blocks of a document, in order. */
    static List<File> files(MarkdownDocument document) {
        List<File> files = new ArrayList<>();
        for (CodeBlock block : document.codeBlocks()) {
            if (block.isLanguage(LANGUAGES.toArray(String[]::new)) && block.hcl().valid()) {
                files.add(new File(block.hcl()));
            }
        }
        return files;
    }

    /** Every {@code resource} block with a type and a name. */
    static List<Resource> resources(List<File> files) {
        List<Resource> resources = new ArrayList<>();
        for (File file : files) {
            for (io.opsdoc.core.hcl.HclBlock block : file.body().blocks("resource")) {
                if (block.labels().size() == 2) {
                    resources.add(new Resource(file, block));
                }
            }
        }
        return resources;
    }

    /** The resources of the given types. */
    static List<Resource> resources(List<File> files, java.util.Collection<String> types) {
        return resources(files).stream().filter(r -> types.contains(r.type())).toList();
    }

    /**
     * The bodies of nested blocks of one type, including the {@code content} of {@code dynamic}
     * blocks generating that type: {@code dynamic "ingress" { content { ... } }}.
     */
    static List<HclBody> nested(HclBody body, String type) {
        List<HclBody> bodies = new ArrayList<>();
        for (io.opsdoc.core.hcl.HclBlock block : body.blocks()) {
            if (block.type().equals(type)) {
                bodies.add(block.body());
            } else if (block.type().equals("dynamic") && type.equals(block.label(0))) {
                block.body().blocks("content").forEach(content -> bodies.add(content.body()));
            }
        }
        return bodies;
    }

    /** A setting addressed by a dotted path of nested block types ending in an attribute name. */
    record Setting(HclBody body, HclAttribute attribute) {
    }

    /**
     * Every attribute at {@code path} ({@code root_block_device.encrypted}), one per matching
     * nested block; the list is empty when no block along the path sets it.
     */
    static List<Setting> settings(HclBody body, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return body.attribute(path).map(a -> List.of(new Setting(body, a))).orElse(List.of());
        }
        List<Setting> found = new ArrayList<>();
        for (HclBody child : nested(body, path.substring(0, dot))) {
            found.addAll(settings(child, path.substring(dot + 1)));
        }
        return found;
    }

    /** True when an expression is the literal {@code false} (or the string "false", which Terraform converts). */
    static boolean isFalse(HclExpr expr) {
        return bool(expr).filter(b -> !b).isPresent();
    }

    static boolean isTrue(HclExpr expr) {
        return bool(expr).filter(b -> b).isPresent();
    }

    /** A literal boolean; empty for expressions, whose value only Terraform knows. */
    static Optional<Boolean> bool(HclExpr expr) {
        HclExpr e = unwrap(expr);
        if (e == null) {
            return Optional.empty();
        }
        Optional<Boolean> literal = e.literalBool();
        if (literal.isPresent()) {
            return literal;
        }
        return e.literalString().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> s.equals("true") || s.equals("false")).map(Boolean::parseBoolean);
    }

    /** A literal whole number, also when written as a string ({@code "22"}). */
    static Optional<Long> integer(HclExpr expr) {
        HclExpr e = unwrap(expr);
        if (e == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = e.literalNumber();
        if (number.isEmpty()) {
            number = e.literalString().map(String::strip).filter(s -> s.matches("-?\\d{1,18}")).map(BigDecimal::new);
        }
        return number.filter(n -> n.stripTrailingZeros().scale() <= 0).map(BigDecimal::longValue);
    }

    /** A literal string without interpolation. */
    static Optional<String> string(HclExpr expr) {
        HclExpr e = unwrap(expr);
        return e == null ? Optional.empty() : e.literalString();
    }

    /** The items of a literal list, also through {@code toset([...])}/{@code tolist([...])}; empty otherwise. */
    static Optional<List<HclExpr>> list(HclExpr expr) {
        HclExpr e = unwrap(expr);
        if (e instanceof HclExpr.FunctionCall call && call.args().size() == 1
                && (call.name().equals("toset") || call.name().equals("tolist") || call.name().equals("distinct"))) {
            e = unwrap(call.args().get(0));
        }
        return e instanceof HclExpr.Tuple tuple ? Optional.of(tuple.items()) : Optional.empty();
    }

    /** The expression inside any parentheses; null stays null (an absent attribute). */
    static HclExpr unwrap(HclExpr expr) {
        HclExpr e = expr;
        while (e instanceof HclExpr.Parens parens) {
            e = parens.expr();
        }
        return e;
    }

    /** The value of a label, or "" for a block without it. */
    static String label(io.opsdoc.core.hcl.HclBlock block, int i) {
        String value = block.label(i);
        return value == null ? "" : value;
    }

    /** The labels as written, for messages. */
    static String labels(io.opsdoc.core.hcl.HclBlock block) {
        return String.join(" ", block.labels().stream().map(HclLabel::value).toList());
    }

    /**
     * Whether a resource body meets one of the exemptions of a data-table row, a comma-separated
     * list of {@code attr} (set at all), {@code attr=value} (that literal) or {@code attr^=prefix}
     * (a literal starting with it); {@code -} means none.
     */
    static boolean exempt(HclBody body, String exemptions) {
        if (exemptions.isEmpty() || exemptions.equals("-")) {
            return false;
        }
        for (String token : exemptions.split(",")) {
            String t = token.strip();
            int prefix = t.indexOf("^=");
            int equals = t.indexOf('=');
            if (prefix > 0) {
                String want = t.substring(prefix + 2).toLowerCase(Locale.ROOT);
                if (body.attribute(t.substring(0, prefix)).flatMap(a -> string(a.value()))
                        .filter(v -> v.toLowerCase(Locale.ROOT).startsWith(want)).isPresent()) {
                    return true;
                }
            } else if (equals > 0) {
                String want = t.substring(equals + 1);
                if (body.attribute(t.substring(0, equals)).flatMap(a -> string(a.value()))
                        .filter(want::equalsIgnoreCase).isPresent()) {
                    return true;
                }
            } else if (body.attribute(t).filter(a -> !isNull(a.value())).isPresent()) {
                return true;
            }
        }
        return false;
    }

    static boolean isNull(HclExpr expr) {
        return unwrap(expr) instanceof HclExpr.Literal literal && literal.kind() == HclExpr.LiteralKind.NULL;
    }
}
