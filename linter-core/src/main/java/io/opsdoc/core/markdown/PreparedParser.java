package io.opsdoc.core.markdown;

import com.vladsch.flexmark.ext.gfm.tasklist.internal.TaskListItemBlockPreProcessor;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.ext.yaml.front.matter.internal.YamlFrontMatterBlockParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.LinkRefProcessorFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PostProcessorFactory;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockPreProcessor;
import com.vladsch.flexmark.parser.block.BlockPreProcessorFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.parser.internal.PostProcessorManager;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataSet;
import com.vladsch.flexmark.util.dependency.Dependent;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * flexmark's {@link Parser#parse(String)} with the set-up that depends only on the options done
 * once instead of for every document. flexmark builds, per document, a block-parser factory per
 * block kind (compiling the heading and HTML-block patterns and reading dozens of options), the
 * table pre-processor (compiling its separator pattern) and an inline parser (its {@code Parsing},
 * taken under a global lock); here the ones that keep no per-document state are built once and
 * shared, and inline parsers are reused one document at a time. The document is parsed by
 * flexmark's own {@link DocumentParser} with the same options, lists and order flexmark's
 * {@link Parser} computes, so the tree is the same. Thread-safe: what is shared is written only
 * while it is built (once, or lazily once, as said below) and holds no document; everything that
 * holds a document is used by one parse at a time.
 */
final class PreparedParser {
    /**
     * The {@link CustomBlockParserFactory} classes whose block-parser factory only reads the
     * options it was made from and patterns, so one serves every document on every thread
     * (flexmark 0.64.8 source read for each). The HTML-block factory fills one field lazily with
     * its patterns: an object whose fields are all final, so a thread that sees it sees it whole
     * (JLS 17.5); two threads may both build it, which only costs the second one the work.
     */
    private static final Set<Class<?>> SHAREABLE_BLOCK_FACTORIES = Set.of(
            BlockQuoteParser.Factory.class, HeadingParser.Factory.class, FencedCodeBlockParser.Factory.class,
            HtmlBlockParser.Factory.class, ThematicBreakParser.Factory.class, ListBlockParser.Factory.class,
            IndentedCodeBlockParser.Factory.class, YamlFrontMatterBlockParser.Factory.class,
            // Immutable, over the factories of the core parsers above.
            CoreBlockStarts.class);

    /**
     * Pre-processors made per document that keep no state between calls and no document: the
     * table pre-processor holds its options and compiled pattern, the task-list one nothing.
     * flexmark's reference pre-processor is the document's inline parser, so it is not here.
     */
    private static final Set<Class<?>> SHAREABLE_PRE_PROCESSORS = Set.of(
            TableParagraphPreProcessor.class, TaskListItemBlockPreProcessor.class);

    /** flexmark's parser options, with the lead-in handlers its {@link Parser} adds. */
    private final DataHolder options;
    private final List<CustomBlockParserFactory> blockParserFactories;
    private final List<List<ParagraphPreProcessorFactory>> paragraphPreProcessors;
    private final List<List<BlockPreProcessorFactory>> blockPreProcessors;
    private final List<PostProcessorManager.PostProcessorDependencyStage> postProcessors;
    private final BitSet specialCharacters;
    private final BitSet delimiterCharacters;
    private final Map<Character, DelimiterProcessor> delimiterProcessors;
    private final LinkRefProcessorData linkRefProcessors;
    private final List<InlineParserExtensionFactory> inlineParserExtensions;
    /** Inline parsers between two documents; one per parse running at the same time at most. */
    private final ConcurrentLinkedQueue<CopyFreeInlineParser> idleInlineParsers = new ConcurrentLinkedQueue<>();

    PreparedParser(DataHolder flexmarkOptions) {
        RecordingBuilder builder = new RecordingBuilder(flexmarkOptions);
        CopyFreeInlineParser.install(builder, flexmarkOptions);
        CoreBlockStarts.install(builder, flexmarkOptions);
        this.options = builder.build().getOptions();
        // What flexmark's Parser constructor computes from its builder, computed the same way.
        DataSet builderOptions = builder.toImmutable();
        List<CustomBlockParserFactory> blockFactories = new ArrayList<>();
        for (CustomBlockParserFactory factory
                : DocumentParser.calculateBlockParserFactories(builderOptions, builder.blockParserFactories)) {
            blockFactories.add(SHAREABLE_BLOCK_FACTORIES.contains(factory.getClass())
                    ? new SharedBlockParserFactory(factory.apply(options)) : factory);
        }
        this.blockParserFactories = List.copyOf(blockFactories);
        this.paragraphPreProcessors = shareProcessors(DocumentParser.calculateParagraphPreProcessors(
                builderOptions, builder.paragraphPreProcessorFactories, builder.inlineParserFactory),
                SharedParagraphPreProcessorFactory::new);
        this.blockPreProcessors = shareProcessors(
                DocumentParser.calculateBlockPreProcessors(builderOptions, builder.blockPreProcessorFactories),
                SharedBlockPreProcessorFactory::new);
        this.delimiterProcessors = InlineParserImpl.calculateDelimiterProcessors(builderOptions, builder.delimiterProcessors);
        this.delimiterCharacters = InlineParserImpl.calculateDelimiterCharacters(builderOptions, delimiterProcessors.keySet());
        this.linkRefProcessors = InlineParserImpl.calculateLinkRefProcessors(builderOptions, builder.linkRefProcessors);
        this.specialCharacters = InlineParserImpl.calculateSpecialCharacters(builderOptions, delimiterCharacters);
        this.postProcessors = PostProcessorManager.calculatePostProcessors(builderOptions, builder.postProcessorFactories);
        this.inlineParserExtensions = List.copyOf(builder.inlineParserExtensionFactories);
    }

    /** The tree flexmark's {@link Parser#parse(String)} builds for {@code text}. */
    Document parse(String text) {
        CopyFreeInlineParser inlineParser = idleInlineParsers.poll();
        if (inlineParser == null) {
            // Its own copy of the special characters: flexmark's parser hands one set to every
            // inline parser, and a table row adds '|', ':' and '-' to it while being parsed; a
            // copy keeps that from being written while another thread reads it. The characters
            // only ever get added, and the tree is the same with them or without (the tests parse
            // the same inputs before and after tables).
            inlineParser = new CopyFreeInlineParser(options, (BitSet) specialCharacters.clone(),
                    delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
        }
        Document document = new DocumentParser(options, blockParserFactories, paragraphPreProcessors,
                blockPreProcessors, inlineParser).parse(BasedSequence.of(text));
        // Only a parse that ended normally returns its inline parser: one that threw is dropped
        // with whatever state it was left in.
        inlineParser.forgetDocument();
        idleInlineParsers.offer(inlineParser);
        return PostProcessorManager.processDocument(document, postProcessors);
    }

    /** Each stage's factories, those whose products {@code sharing} shares wrapped by it. */
    private static <F> List<List<F>> shareProcessors(List<List<F>> stages, UnaryOperator<F> sharing) {
        List<List<F>> shared = new ArrayList<>(stages.size());
        for (List<F> stage : stages) {
            List<F> factories = new ArrayList<>(stage.size());
            for (F factory : stage) {
                factories.add(sharing.apply(factory));
            }
            shared.add(List.copyOf(factories));
        }
        return List.copyOf(shared);
    }

    /**
     * A block-parser factory made once from the options. flexmark's {@link DocumentParser} only
     * calls {@link #apply} on the (already ordered) list it is given, so the dependencies are not
     * asked again.
     */
    private static final class SharedBlockParserFactory implements CustomBlockParserFactory, Unordered {
        private final BlockParserFactory factory;

        SharedBlockParserFactory(BlockParserFactory factory) {
            this.factory = factory;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return factory;
        }
    }

    /**
     * A pre-processor factory that keeps its first product when the product's class is one of
     * {@link #SHAREABLE_PRE_PROCESSORS} and makes one per document otherwise. The product only
     * copies option values from the document it is first made for, which are the parser's
     * options; a volatile field publishes it whole. Two documents starting together may both
     * make one; either serves. Its place among the others is the wrapped factory's.
     */
    private abstract static class Sharing<F extends Dependent, P> implements Dependent {
        final F factory;
        private volatile P shared;

        Sharing(F factory) {
            this.factory = factory;
        }

        final P product(ParserState state, Function<ParserState, P> make) {
            P processor = shared;
            if (processor == null) {
                processor = make.apply(state);
                if (SHAREABLE_PRE_PROCESSORS.contains(processor.getClass())) {
                    shared = processor;
                }
            }
            return processor;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return factory.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return factory.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return factory.affectsGlobalScope();
        }
    }

    private static final class SharedParagraphPreProcessorFactory
            extends Sharing<ParagraphPreProcessorFactory, ParagraphPreProcessor> implements ParagraphPreProcessorFactory {
        SharedParagraphPreProcessorFactory(ParagraphPreProcessorFactory factory) {
            super(factory);
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            return product(state, factory);
        }
    }

    /**
     * The block pre-processor counterpart; the block types are asked twice per document and
     * built anew each time by flexmark's factories, so they are asked once here (flexmark only
     * reads them).
     */
    private static final class SharedBlockPreProcessorFactory
            extends Sharing<BlockPreProcessorFactory, BlockPreProcessor> implements BlockPreProcessorFactory {
        private final Set<Class<? extends Block>> blockTypes;

        SharedBlockPreProcessorFactory(BlockPreProcessorFactory factory) {
            super(factory);
            this.blockTypes = Set.copyOf(factory.getBlockTypes());
        }

        @Override
        public Set<Class<? extends Block>> getBlockTypes() {
            return blockTypes;
        }

        @Override
        public BlockPreProcessor apply(ParserState state) {
            return product(state, factory);
        }
    }

    /**
     * flexmark's parser builder that also keeps what the extensions register, which flexmark's
     * {@link Parser} keeps to itself. The no-argument constructor loads no extension, so they are
     * loaded once the lists exist, as {@code Parser.Builder(DataHolder)} loads them.
     */
    private static final class RecordingBuilder extends Parser.Builder {
        final List<CustomBlockParserFactory> blockParserFactories = new ArrayList<>();
        final List<DelimiterProcessor> delimiterProcessors = new ArrayList<>();
        final List<PostProcessorFactory> postProcessorFactories = new ArrayList<>();
        final List<ParagraphPreProcessorFactory> paragraphPreProcessorFactories = new ArrayList<>();
        final List<BlockPreProcessorFactory> blockPreProcessorFactories = new ArrayList<>();
        final List<LinkRefProcessorFactory> linkRefProcessors = new ArrayList<>();
        final List<InlineParserExtensionFactory> inlineParserExtensionFactories = new ArrayList<>();
        InlineParserFactory inlineParserFactory;

        RecordingBuilder(DataHolder options) {
            super();
            setAll(options);
            loadExtensions();
        }

        @Override
        public Parser.Builder customBlockParserFactory(CustomBlockParserFactory factory) {
            blockParserFactories.add(factory);
            return super.customBlockParserFactory(factory);
        }

        @Override
        public Parser.Builder customInlineParserExtensionFactory(InlineParserExtensionFactory factory) {
            inlineParserExtensionFactories.add(factory);
            return super.customInlineParserExtensionFactory(factory);
        }

        @Override
        public Parser.Builder customInlineParserFactory(InlineParserFactory factory) {
            Parser.Builder result = super.customInlineParserFactory(factory);
            inlineParserFactory = factory;
            return result;
        }

        @Override
        public Parser.Builder customDelimiterProcessor(DelimiterProcessor processor) {
            delimiterProcessors.add(processor);
            return super.customDelimiterProcessor(processor);
        }

        @Override
        public Parser.Builder postProcessorFactory(PostProcessorFactory factory) {
            postProcessorFactories.add(factory);
            return super.postProcessorFactory(factory);
        }

        @Override
        public Parser.Builder paragraphPreProcessorFactory(ParagraphPreProcessorFactory factory) {
            paragraphPreProcessorFactories.add(factory);
            return super.paragraphPreProcessorFactory(factory);
        }

        @Override
        public Parser.Builder blockPreProcessorFactory(BlockPreProcessorFactory factory) {
            blockPreProcessorFactories.add(factory);
            return super.blockPreProcessorFactory(factory);
        }

        @Override
        public Parser.Builder linkRefProcessorFactory(LinkRefProcessorFactory factory) {
            linkRefProcessors.add(factory);
            return super.linkRefProcessorFactory(factory);
        }
    }
}
