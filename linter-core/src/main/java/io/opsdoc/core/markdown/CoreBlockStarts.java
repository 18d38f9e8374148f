package io.opsdoc.core.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * flexmark's core block parsers behind one factory that asks each of them only about lines it
 * can start. flexmark asks every block parser about every line, and several answer by running a
 * regex over the line (a fresh {@code Matcher} each time): a tenth of the parse and of its
 * garbage on the corpus. A fenced code block, a heading, a thematic break or a list can only
 * start at a few characters, so the others are turned away by one character test. The parsers
 * are tried in the order flexmark resolves for them, with the same interruption rules, so the
 * trees are flexmark's own (tested against stock flexmark over the corpus).
 */
final class CoreBlockStarts implements CustomBlockParserFactory, Unordered {
    private static final List<DataKey<Boolean>> CORE_PARSERS = List.of(Parser.BLOCK_QUOTE_PARSER,
            Parser.HEADING_PARSER, Parser.FENCED_CODE_BLOCK_PARSER, Parser.HTML_BLOCK_PARSER,
            Parser.THEMATIC_BREAK_PARSER, Parser.LIST_BLOCK_PARSER, Parser.INDENTED_CODE_BLOCK_PARSER);

    /** Whether a parser may start a block at the line {@code state} is on. */
    @FunctionalInterface
    private interface LeadFilter {
        boolean mayStart(ParserState state, MatchedBlockParser matched);
    }

    private static final LeadFilter ALWAYS = (state, matched) -> true;

    /**
     * The tests follow the patterns these parsers match from the first non-space character
     * (flexmark 0.64.8 with our options): a fence {@code ^`{3,}|^~{3,}}; an ATX heading
     * {@code ^#{1,6}} or a setext underline {@code ^(?:=+|-+)[ \t]*$}; a thematic break
     * {@code ^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$}. Each lets through
     * every line its pattern matches (and a few more); a list item ("- text") is none of the
     * last two, which saves their regexes on every item.
     */
    private static final Map<Class<?>, LeadFilter> FILTERS = Map.of(
            FencedCodeBlockParser.Factory.class, leadIn("`~"),
            HeadingParser.Factory.class, CoreBlockStarts::mayStartHeading,
            ThematicBreakParser.Factory.class, CoreBlockStarts::mayBeThematicBreak,
            ListBlockParser.Factory.class, CoreBlockStarts::mayStartList);

    private final List<CustomBlockParserFactory> parsers;

    private CoreBlockStarts(List<CustomBlockParserFactory> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /**
     * Replaces flexmark's core block parsers in {@code builder} by one {@code CoreBlockStarts} of
     * the same parsers, in the order flexmark gives them for {@code options}.
     */
    static Parser.Builder install(Parser.Builder builder, DataHolder options) {
        CoreBlockStarts starts = of(options);
        for (DataKey<Boolean> key : CORE_PARSERS) {
            builder.set(key, false);
        }
        builder.customBlockParserFactory(starts);
        // The lead-in handlers flexmark collects from each factory (they escape block starts
        // when a document is rendered back to Markdown) are kept too.
        for (CustomBlockParserFactory parser : starts.parsers) {
            var handler = parser.getLeadInHandler(options);
            if (handler != null) {
                builder.specialLeadInHandler(handler);
            }
        }
        return builder;
    }

    /** The core block parsers enabled in {@code options}, in the order flexmark tries them. */
    static CoreBlockStarts of(DataHolder options) {
        return new CoreBlockStarts(DocumentParser.calculateBlockParserFactories(options, List.of()));
    }

    List<CustomBlockParserFactory> parsers() {
        return parsers;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        List<BlockParserFactory> factories = new ArrayList<>(parsers.size());
        List<LeadFilter> filters = new ArrayList<>(parsers.size());
        for (CustomBlockParserFactory parser : parsers) {
            factories.add(parser.apply(options));
            filters.add(FILTERS.getOrDefault(parser.getClass(), ALWAYS));
        }
        return new Starts(factories.toArray(BlockParserFactory[]::new), filters.toArray(LeadFilter[]::new));
    }

    /** One document's block parser factories: what flexmark's own loop over them does, filtered. */
    private record Starts(BlockParserFactory[] factories, LeadFilter[] filters) implements BlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            for (int i = 0; i < factories.length; i++) {
                if (filters[i].mayStart(state, matched) && matched.getBlockParser().canInterruptBy(factories[i])) {
                    BlockStart start = factories[i].tryStart(state, matched);
                    if (start instanceof BlockStartImpl) {
                        return start;
                    }
                }
            }
            return BlockStart.none();
        }
    }

    private static LeadFilter leadIn(String characters) {
        return (state, matched) -> characters.indexOf(firstNonSpace(state)) >= 0;
    }

    /** An ATX heading, or a line of only '=' or only '-' (then spaces) under a paragraph. */
    private static boolean mayStartHeading(ParserState state, MatchedBlockParser matched) {
        char c = firstNonSpace(state);
        if (c == '#') {
            return true;
        }
        if (c != '=' && c != '-') {
            return false;
        }
        BasedSequence line = state.getLine();
        int i = state.getNextNonSpaceIndex();
        while (i < line.length() && line.charAt(i) == c) {
            i++;
        }
        return onlySpacesFrom(line, i);
    }

    /** Three or more of one of '*', '_' or '-', with only spaces and tabs between and after. */
    private static boolean mayBeThematicBreak(ParserState state, MatchedBlockParser matched) {
        char c = firstNonSpace(state);
        if (c != '*' && c != '_' && c != '-') {
            return false;
        }
        BasedSequence line = state.getLine();
        int marks = 0;
        for (int i = state.getNextNonSpaceIndex(); i < line.length(); i++) {
            char next = line.charAt(i);
            if (next == c) {
                marks++;
            } else if (next == '\r' || next == '\n') {
                break;
            } else if (next != ' ' && next != '\t') {
                return false;
            }
        }
        return marks >= 3;
    }

    /** Whether {@code line} holds only spaces and tabs from {@code index} (up to a line break). */
    private static boolean onlySpacesFrom(BasedSequence line, int index) {
        for (int i = index; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The character at the line's first non-space, or a space when there is none. */
    private static char firstNonSpace(ParserState state) {
        BasedSequence line = state.getLine();
        int index = state.getNextNonSpaceIndex();
        return index < line.length() ? line.charAt(index) : ' ';
    }

    /**
     * A list starts at a bullet ({@code Parsing.itemPrefixChars}) or a digit. Lines in or after a
     * list are always handed to the list parser: it keeps track of items there even when it
     * starts nothing.
     */
    private static boolean mayStartList(ParserState state, MatchedBlockParser matched) {
        if (matched.getBlockParser() instanceof ListBlockParser
                || matched.getBlockParser().getBlock().getAncestorOfType(ListBlock.class) != null) {
            return true;
        }
        char c = firstNonSpace(state);
        return (c >= '0' && c <= '9') || (c != ' ' && state.getParsing().itemPrefixChars.indexOf(c) >= 0);
    }
}
