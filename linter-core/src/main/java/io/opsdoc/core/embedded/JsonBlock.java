package io.opsdoc.core.embedded;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A code block read as JSON with a fallback chain: strict JSON, then JSONC (comments, trailing
 * commas), then a stream of values, then object members without braces. Only when every step
 * fails is the block {@link BlockKind#INVALID}, with the strict parser's error position.
 */
public final class JsonBlock {
    /** How deep JSON may nest before the parse stops with an error. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(500).build();
    /** Configured once and never changed afterwards, so sharing it between threads is safe. */
    private static final ObjectMapper STRICT = limited(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build());

    /**
     * The JSONC reader, built on first use (holder idiom): only a block that strict JSON rejects
     * needs it, and each ObjectMapper costs a one-file run a few milliseconds to build.
     */
    private static final class Lenient {
        static final ObjectMapper MAPPER = limited(JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .build());
    }

    private static ObjectMapper limited(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        return mapper;
    }

    private final CodeBlock block;
    private final BlockKind kind;
    private final List<JsonNode> values;
    private final Optional<EmbeddedError> error;
    private final Optional<EmbeddedError> lenientError;

    private JsonBlock(CodeBlock block, BlockKind kind, List<JsonNode> values, Optional<EmbeddedError> error) {
        this(block, kind, values, error, Optional.empty());
    }

    private JsonBlock(CodeBlock block, BlockKind kind, List<JsonNode> values, Optional<EmbeddedError> error,
            Optional<EmbeddedError> lenientError) {
        this.block = block;
        this.kind = kind;
        this.values = List.copyOf(values);
        this.error = error;
        this.lenientError = lenientError;
    }

    public static JsonBlock parse(CodeBlock block) {
        String text = block.content();
        if (text.isBlank()) {
            return new JsonBlock(block, BlockKind.EMPTY, List.of(), Optional.empty());
        }
        JsonProcessingException strictError;
        try {
            return new JsonBlock(block, BlockKind.VALID, List.of(STRICT.readTree(text)), Optional.empty());
        } catch (JsonProcessingException e) {
            strictError = e;
        } catch (StackOverflowError e) {
            return new JsonBlock(block, BlockKind.INVALID, List.of(),
                    Optional.of(new EmbeddedError("nesting is too deep to check", block.firstLineRange())));
        }
        JsonProcessingException lenientFailure;
        try {
            return new JsonBlock(block, BlockKind.LENIENT, List.of(Lenient.MAPPER.readTree(text)), Optional.empty());
        } catch (JsonProcessingException e) {
            lenientFailure = e;
        }
        List<JsonNode> stream = tryStream(text);
        if (stream.size() > 1) {
            return new JsonBlock(block, BlockKind.STREAM, stream, Optional.empty());
        }
        Optional<JsonNode> fragment = tryRead(Lenient.MAPPER, "{\n" + text + "\n}");
        if (fragment.isPresent()) {
            return new JsonBlock(block, BlockKind.FRAGMENT, List.of(fragment.get()), Optional.empty());
        }
        BlockKind kind = Snippets.templated(text) ? BlockKind.TEMPLATED
                : Snippets.elided(text) ? BlockKind.ELIDED : BlockKind.INVALID;
        return new JsonBlock(block, kind, List.of(), Optional.of(errorOf(block, strictError)),
                Optional.of(errorOf(block, lenientFailure)));
    }

    private static Optional<JsonNode> tryRead(ObjectMapper mapper, String text) {
        try {
            return Optional.ofNullable(mapper.readTree(text));
        } catch (JsonProcessingException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static List<JsonNode> tryStream(String text) {
        List<JsonNode> result = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Lenient.MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                result.add(it.nextValue());
            }
            return result;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private static EmbeddedError errorOf(CodeBlock block, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        Range range;
        if (location == null || location.getLineNr() < 1) {
            range = block.firstLineRange();
        } else {
            int line0 = location.getLineNr() - 1;
            int col0 = Math.max(0, location.getColumnNr() - 1);
            Position at = line0 >= block.lineCount() ? block.position(block.lineCount(), 0) : block.position(line0, col0);
            range = new Range(at, at);
        }
        String message = e.getOriginalMessage();
        int nl = message == null ? -1 : message.indexOf('\n');
        if (nl >= 0) {
            message = message.substring(0, nl);
        }
        return new EmbeddedError(message == null ? "invalid JSON" : message.strip(), range);
    }

    public CodeBlock block() {
        return block;
    }

    public BlockKind kind() {
        return kind;
    }

    /** Parsed values (one unless the block is a stream). */
    public List<JsonNode> values() {
        return values;
    }

    /**
     * Offsets in {@link CodeBlock#content()} of the commas that are this block's only departure
     * from strict JSON: commas followed by nothing but whitespace and then {@code }} or {@code ]},
     * in a block without comments, single quotes or unquoted keys, whose text parses strictly once
     * those commas are removed. Empty when the block is strict JSON or has any other problem.
     */
    public List<Integer> trailingCommas() {
        if (kind != BlockKind.LENIENT) {
            return List.of();
        }
        String text = block.content();
        List<Integer> commas = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' || c == '#') {
                // A comment: the block is JSONC, and tagging it is the fix.
                return List.of();
            } else if (c == ',' && closesAfter(text, i + 1)) {
                commas.add(i);
            }
        }
        if (commas.isEmpty()) {
            return List.of();
        }
        StringBuilder without = new StringBuilder(text);
        for (int k = commas.size() - 1; k >= 0; k--) {
            without.deleteCharAt(commas.get(k));
        }
        return tryRead(STRICT, without.toString()).isPresent() ? List.copyOf(commas) : List.of();
    }

    /** True when only whitespace stands between {@code from} and a closing bracket. */
    private static boolean closesAfter(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '}' || text.charAt(i) == ']');
    }

    /** The strict parser's error: what a block tagged {@code json} is blamed for. */
    public Optional<EmbeddedError> error() {
        return error;
    }

    /**
     * Where the JSONC reading (comments, trailing commas allowed) fails: what a block tagged
     * {@code jsonc} or {@code json5} is blamed for, since its comments are not errors.
     */
    public Optional<EmbeddedError> lenientError() {
        return lenientError;
    }
}
