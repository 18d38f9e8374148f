package io.opsdoc.core.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;

/**
 * What each flexmark node class means to the model, worked out once per class: the kind the
 * builder dispatches on and the context bits the class hands down to its descendants. This
 * replaces, per node, a chain of {@code instanceof} tests (whose type profile made the JIT
 * recompile one giant visit method whenever a new node class showed up) and, per text node,
 * walks up to the root looking for enclosing code, HTML, headings and tables.
 */
final class NodeKinds extends ClassValue<NodeKinds.Info> {
    /** Text below this node is not prose: code spans and blocks, inline and block HTML, front matter. */
    static final int NO_PROSE = 1;
    static final int IN_HEADING = 2;
    static final int IN_TABLE = 4;
    /** Inside a list item or block quote. */
    static final int NESTED = 8;
    /** Text below this node is left out of a plain-text rendering: code spans (their text is used) and inline HTML. */
    static final int NO_PLAIN_TEXT = 16;

    enum Kind {
        HEADING, FENCED_CODE, INDENTED_CODE, LINK, IMAGE, LINK_REF, REFERENCE, TABLE, TASK_ITEM, COMMENT,
        HTML_BLOCK, FRONT_MATTER, TEXT, CODE_SPAN, SOFT_BREAK, OTHER
    }

    /**
     * @param context the bits this node adds to the context of its descendants
     * @param handler what the model builder does with such a node
     */
    record Info(Kind kind, int context, ModelBuilder.Handler handler) {
    }

    @Override
    protected Info computeValue(Class<?> type) {
        Kind kind = kind(type);
        return new Info(kind, context(type), ModelBuilder.Handler.of(kind));
    }

    /** The first match in the order the model has always tested node classes in. */
    private static Kind kind(Class<?> type) {
        if (Heading.class.isAssignableFrom(type)) {
            return Kind.HEADING;
        } else if (FencedCodeBlock.class.isAssignableFrom(type)) {
            return Kind.FENCED_CODE;
        } else if (IndentedCodeBlock.class.isAssignableFrom(type)) {
            return Kind.INDENTED_CODE;
        } else if (Link.class.isAssignableFrom(type)) {
            return Kind.LINK;
        } else if (Image.class.isAssignableFrom(type)) {
            return Kind.IMAGE;
        } else if (LinkRef.class.isAssignableFrom(type)) {
            return Kind.LINK_REF;
        } else if (Reference.class.isAssignableFrom(type)) {
            return Kind.REFERENCE;
        } else if (TableBlock.class.isAssignableFrom(type)) {
            return Kind.TABLE;
        } else if (TaskListItem.class.isAssignableFrom(type)) {
            return Kind.TASK_ITEM;
        } else if (HtmlCommentBlock.class.isAssignableFrom(type) || HtmlInlineComment.class.isAssignableFrom(type)
                || HtmlInnerBlockComment.class.isAssignableFrom(type)) {
            return Kind.COMMENT;
        } else if (HtmlBlock.class.isAssignableFrom(type)) {
            return Kind.HTML_BLOCK;
        } else if (YamlFrontMatterBlock.class.isAssignableFrom(type)) {
            return Kind.FRONT_MATTER;
        } else if (Text.class.isAssignableFrom(type) || AutoLink.class.isAssignableFrom(type)) {
            return Kind.TEXT;
        } else if (Code.class.isAssignableFrom(type)) {
            return Kind.CODE_SPAN;
        } else if (SoftLineBreak.class.isAssignableFrom(type)) {
            return Kind.SOFT_BREAK;
        }
        return Kind.OTHER;
    }

    private static int context(Class<?> type) {
        int bits = 0;
        if (is(type, Code.class, FencedCodeBlock.class, IndentedCodeBlock.class, HtmlInline.class, HtmlBlock.class,
                YamlFrontMatterBlock.class)) {
            bits |= NO_PROSE;
        }
        if (Heading.class.isAssignableFrom(type)) {
            bits |= IN_HEADING;
        }
        if (TableBlock.class.isAssignableFrom(type)) {
            bits |= IN_TABLE;
        }
        if (is(type, ListItem.class, BlockQuote.class)) {
            bits |= NESTED;
        }
        if (is(type, HtmlInline.class, Code.class)) {
            bits |= NO_PLAIN_TEXT;
        }
        return bits;
    }

    private static boolean is(Class<?> type, Class<?>... supertypes) {
        for (Class<?> supertype : supertypes) {
            if (supertype.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
