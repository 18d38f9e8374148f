package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.ProseMask;
import io.opsdoc.core.facts.Sections;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What planning-set rules read as evidence once core's {@link io.opsdoc.core.facts.Focus} has found
 * the document and section: its code blocks and tables, and its text (HTML comments blanked out so
 * that suppression or fixture comments never count as evidence).
 */
public final class Evidence {
    /** A Terraform-style block header: {@code resource "aws_db_instance" "main" {}. */
    private static final Pattern HCL_RESOURCE = Pattern.compile(
            "^\\s*(resource|data|module)\\s+\"([A-Za-z0-9_-]+)\"", Pattern.MULTILINE);

    private Evidence() {
    }

    /** The heading of {@code section}, else the document title, else line 1. */
    public static Range anchor(MarkdownDocument doc, Optional<Section> section) {
        return Sections.anchor(doc, section);
    }

    /** Where a finding about the whole document points: the document title (see {@link Sections#anchor}). */
    public static Range titleRange(MarkdownDocument doc) {
        return Sections.anchor(doc, Optional.empty());
    }

    /** How a message names the place that was searched. */
    public static String where(Optional<Section> section, String expected) {
        return Sections.where(section, expected);
    }

    /** Whole document text with HTML comments blanked (built once per document). */
    public static String text(MarkdownDocument doc) {
        return ProseMask.withoutComments(doc);
    }

    /**
     * Section content (sub-sections included) with HTML comments blanked: that part of the
     * document's blanked text, since blanking keeps every offset.
     */
    public static String text(MarkdownDocument doc, Section section) {
        return ProseMask.withoutComments(doc).substring(section.contentRange().start().offset(),
                section.contentRange().end().offset());
    }

    /** Text of the section when present, else of the whole document. */
    public static String text(MarkdownDocument doc, Optional<Section> section) {
        return section.map(s -> text(doc, s)).orElseGet(() -> text(doc));
    }

    /** Text of all the given sections that exist, joined. */
    public static String text(MarkdownDocument doc, List<Optional<Section>> sections) {
        StringBuilder sb = new StringBuilder();
        for (Optional<Section> s : sections) {
            s.ifPresent(x -> sb.append(x.title()).append('\n').append(text(doc, x)).append('\n'));
        }
        return sb.toString();
    }

    public static List<CodeBlock> blocks(MarkdownDocument doc, Optional<Section> section) {
        return section.map(doc::blocksIn).orElseGet(doc::codeBlocks);
    }

    /**
     * Resource, data and module types declared in an HCL block ("resource aws_db_instance"), from
     * the parsed tree; a block that does not parse (elided, templated) falls back to a line-level
     * reading of its block headers.
     */
    public static List<String> hclBlockTypes(CodeBlock block) {
        List<String> types = new ArrayList<>();
        if (block.hcl().valid()) {
            for (io.opsdoc.core.hcl.HclBlock b : block.hcl().body().blocks()) {
                if (Set.of("resource", "data", "module").contains(b.type()) && !b.labels().isEmpty()) {
                    types.add(b.type() + " " + b.label(0));
                }
            }
            return types;
        }
        Matcher m = HCL_RESOURCE.matcher(block.content());
        while (m.find()) {
            types.add(m.group(1) + " " + m.group(2));
        }
        return types;
    }

    /** All cell texts of the tables in {@code section} (or the document), header included. */
    public static String tableText(MarkdownDocument doc, Optional<Section> section) {
        StringBuilder sb = new StringBuilder();
        List<Table> tables = section.map(doc::tablesIn).orElseGet(doc::tables);
        for (Table t : tables) {
            for (TableCell c : t.header()) {
                sb.append(c.text()).append(" | ");
            }
            sb.append('\n');
            for (List<TableCell> row : t.rows()) {
                for (TableCell c : row) {
                    sb.append(c.text()).append(" | ");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
