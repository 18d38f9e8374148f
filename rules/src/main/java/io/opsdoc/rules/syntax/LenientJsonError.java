package io.opsdoc.rules.syntax;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opsdoc.core.embedded.EmbeddedError;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import java.util.Optional;

/**
 * The first error of a block read as JSONC/JSON5. {@code JsonBlock} keeps the strict parser's error,
 * which for a {@code jsonc} block points at the first (allowed) comment; a block tagged with a lenient
 * dialect must be blamed where the lenient reading fails.
 */
final class LenientJsonError {
    /** Configured once and never changed afterwards, so sharing it between threads is safe. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();

    private LenientJsonError() {
    }

    static Optional<EmbeddedError> of(CodeBlock block) {
        try {
            LENIENT.readTree(block.content());
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            Range range = block.firstLineRange();
            if (location != null && location.getLineNr() >= 1) {
                int line0 = location.getLineNr() - 1;
                Position at = line0 >= block.lineCount() ? block.position(block.lineCount(), 0)
                        : block.position(line0, Math.max(0, location.getColumnNr() - 1));
                range = new Range(at, at);
            }
            String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
            int nl = message.indexOf('\n');
            return Optional.of(new EmbeddedError((nl < 0 ? message : message.substring(0, nl)).strip(), range));
        } catch (StackOverflowError e) {
            return Optional.empty();
        }
    }
}
