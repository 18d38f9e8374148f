package io.opsdoc.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file's bytes load as: text, or why it is skipped. */
class SourceLoaderTest {
    @TempDir
    Path dir;

    private final SourceLoader loader = new SourceLoader(1024 * 1024);

    /** The text, or the skip message: what the strict decoder, checking every byte, says. */
    private static String expected(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return "skipped: binary file (contains NUL bytes at byte " + i + ")";
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return "text " + decoder.decode(buffer);
        } catch (CharacterCodingException e) {
            return "skipped: not valid UTF-8 text (invalid byte sequence near byte " + buffer.position() + ")";
        }
    }

    private String loaded(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("doc.md"), bytes);
        SourceLoader.Loaded loaded = loader.load(file, "doc.md");
        return loaded.ok() ? "text " + (loaded.source().hasBom() ? "\uFEFF" : "") + loaded.source().text()
                : loaded.notice().message();
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    @Test
    void textNulBytesAndInvalidUtf8LoadAsTheStrictDecoderSays() throws IOException {
        List<byte[]> cases = List.of("# Plan\r\nText é 中 😀\n".getBytes(StandardCharsets.UTF_8),
                "\uFEFF# With a BOM\n".getBytes(StandardCharsets.UTF_8),
                "A real replacement character \uFFFD stays\n".getBytes(StandardCharsets.UTF_8),
                bytes('a', 0, 'b'), bytes('a', 0xC3), bytes('a', 0xC3, 0, 'b'), bytes(0xFF, 'a'),
                bytes(0xED, 0xA0, 0x80), bytes(0xC0, 0x80), bytes(0xEF, 0xBF, 0xBD, 0xC3, 0x28), new byte[0]);
        for (byte[] content : cases) {
            assertThat(loaded(content)).isEqualTo(expected(content));
        }
    }

    @Test
    void randomBytesLoadAsTheStrictDecoderSays() throws IOException {
        byte[][] pieces = {"text ".getBytes(StandardCharsets.UTF_8), "é".getBytes(StandardCharsets.UTF_8),
            "中".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8),
            "\uFFFD".getBytes(StandardCharsets.UTF_8), "\uFEFF".getBytes(StandardCharsets.UTF_8), bytes('\r', '\n'),
            bytes(0), bytes(0xC3), bytes(0x80), bytes(0xFF), bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80)};
        Random random = new Random(20261203);
        for (int round = 0; round < 1_000; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = random.nextInt(12); i > 0; i--) {
                // Mostly valid pieces, so that files that load are common too.
                out.writeBytes(pieces[random.nextInt(random.nextInt(4) == 0 ? pieces.length : 6)]);
            }
            byte[] content = out.toByteArray();
            assertThat(loaded(content)).as("%s", java.util.Arrays.toString(content)).isEqualTo(expected(content));
        }
    }
}
