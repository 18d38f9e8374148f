package io.opsdoc.core.engine;

import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a file as UTF-8 text, refusing what cannot be a Markdown document. */
public final class SourceLoader {
    /** Planning documents are kilobytes; anything far larger is generated or not a document. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private final long maxBytes;

    public SourceLoader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Either a source or the reason it was skipped. */
    public record Loaded(SourceFile source, Notice notice) {
        public boolean ok() {
            return source != null;
        }
    }

    public Loaded load(Path path, String displayPath) {
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                return skipped(displayPath, String.format(Locale.ROOT,
                        "skipped: file is %.1f MB, larger than the %d MB limit for a document (--max-file-size)",
                        size / (1024.0 * 1024.0), maxBytes / (1024 * 1024)));
            }
            byte[] bytes = Files.readAllBytes(path);
            // The common case costs one decoding into the final String: a NUL or a replacement
            // character in it sends the file to the exact checks (which byte, valid or not).
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\0') >= 0) {
                return skipped(displayPath, "skipped: binary file (contains NUL bytes at byte " + firstNul(bytes) + ")");
            }
            if (text.indexOf('\uFFFD') >= 0) {
                // Either malformed input, replaced, or a U+FFFD the file really holds: the strict
                // decoder tells them apart and where the first bad byte is.
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                try {
                    text = decoder.decode(buffer).toString();
                } catch (CharacterCodingException e) {
                    return skipped(displayPath, "skipped: not valid UTF-8 text (invalid byte sequence near byte "
                            + buffer.position() + ")");
                }
            }
            return new Loaded(SourceFile.of(path, displayPath, text), null);
        } catch (IOException e) {
            return new Loaded(null, new Notice(displayPath, Notice.Kind.ERROR,
                    "cannot read file: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())));
        } catch (OutOfMemoryError e) {
            // An error, not a skip: the file is within the size limit and was meant to be checked.
            return new Loaded(null, new Notice(displayPath, Notice.Kind.ERROR,
                    "internal error: not enough memory to read the file (give Java more with -Xmx, or lower --max-file-size)"));
        }
    }

    /** The index of the first NUL byte (a NUL byte is a NUL character in any UTF-8 decoding). */
    private static int firstNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Loaded skipped(String file, String message) {
        return new Loaded(null, new Notice(file, Notice.Kind.SKIPPED, message));
    }
}
