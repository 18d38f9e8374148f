package io.opsdoc.core.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser without one copy per regex match. flexmark's {@code match} and
 * {@code matchWithGroups} take the match's bounds from {@link Matcher#toMatchResult()}, which on
 * Java 17 first turns the whole input (a paragraph, a table) into a {@code String}; it runs for
 * every code span, every link and the white space around them, so a long paragraph was copied
 * once per inline element: a tenth of the corpus's Markdown parse. The bounds are read from the
 * matcher itself here; everything else is flexmark's, and the parsed tree is the same.
 * {@link PreparedParser} reuses one for document after document ({@link #forgetDocument} between).
 */
final class CopyFreeInlineParser extends InlineParserImpl {
    /**
     * {@code builder} with this inline parser in place of flexmark's. flexmark adds its reference
     * definition pre-processor (the inline parser's own) only while its default inline parser is
     * in use, so it is added here, after the extensions' pre-processors as flexmark orders them.
     */
    static Parser.Builder install(Parser.Builder builder, DataHolder options) {
        InlineParserFactory factory = CopyFreeInlineParser::new;
        builder.customInlineParserFactory(factory);
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(options)) {
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
        }
        return builder;
    }

    CopyFreeInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    /**
     * Drops what the last document left behind (its tree, its text, its references), so that an
     * idle parser waiting for its next document holds none of them. The next document sets them
     * all again: {@link #initializeDocument} the document, references and link processors,
     * {@link #parse} the block, text, position and delimiter and bracket stacks.
     */
    void forgetDocument() {
        // Extensions (none in opsdoc's set) are not to see the throwaway paragraph below.
        inlineParserExtensions = null;
        // flexmark keeps the bracket stack private (an unclosed '[' of the last paragraph still
        // reaches the whole tree); parsing nothing into a throwaway paragraph empties it.
        parse(BasedSequence.NULL, new Paragraph());
        document = null;
        referenceRepository = null;
        linkRefProcessors = null;
        block = null;
        input = null;
        index = 0;
        currentText = null;
        lastDelimiter = null;
        customSpecialCharacterNodes = null;
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher matcher = matcher(re);
        return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher matcher = matcher(re);
        if (matcher == null) {
            return null;
        }
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        for (int i = 0; i < groups.length; i++) {
            int start = matcher.start(i);
            groups[i] = start < 0 ? null : input.subSequence(start, matcher.end(i));
        }
        return groups;
    }
}
