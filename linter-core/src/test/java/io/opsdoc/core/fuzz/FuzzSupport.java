package io.opsdoc.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shared checks of the fuzz targets (see docs/fuzzing.md). Inputs arrive as bytes and are decoded
 * as UTF-8, as {@code opsdoc} decodes files, so malformed sequences become U+FFFD as they would in
 * a real run.
 */
public final class FuzzSupport {
    /**
     * Far above what any input of libFuzzer's default maximum length (4 KB) needs, even on a busy
     * two-core machine with coverage instrumentation; an input slower than this is a finding.
     */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private FuzzSupport() {
    }

    public static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code work} and fails when it took longer than {@link #TIME_LIMIT}. Not preemptive on
     * purpose: a second thread per input would slow fuzzing; an endless loop is caught by
     * libFuzzer's own per-input timeout instead.
     */
    public static <T> T withinTime(String what, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time to %s", what).isLessThan(TIME_LIMIT);
        return result;
    }

    /**
     * A position must lie in the file and agree with the file's own line table. Its column may
     * pass the line's content only into the line's terminator: the end of a range that closes
     * with the file's final line break sits there, as the file has no line after it.
     */
    public static void assertInside(SourceFile source, Position position, Object owner) {
        assertThat(position.offset()).as("offset of %s", owner).isBetween(0, source.text().length());
        assertThat(position).as("line/column of %s agree with its offset", owner)
                .isEqualTo(source.position(position.offset()));
        int line = position.line();
        int lineEnd = line < source.lineCount() ? source.lineStart(line + 1) : source.text().length();
        int length = lineEnd - source.lineStart(line);
        assertThat(position.column()).as("column of %s (line length with terminator %d)", owner, length)
                .isBetween(1, length + 1);
    }

    public static void assertInside(SourceFile source, Range range, Object owner) {
        assertInside(source, range.start(), owner);
        assertInside(source, range.end(), owner);
        assertThat(range.start().offset()).as("start before end in %s", owner).isLessThanOrEqualTo(range.end().offset());
    }

    /**
     * Visits every record, list element and optional value reachable from {@code root} (records
     * of syntax trees, say), iteratively so that deep trees cannot overflow the stack.
     */
    public static void visitRecords(Object root, Consumer<Object> visitor) {
        Deque<Object> pending = new ArrayDeque<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object value = pending.pop();
            if (seen.put(value, Boolean.TRUE) != null) {
                continue;
            }
            if (value instanceof Collection<?> collection) {
                collection.forEach(item -> pushIfPresent(pending, item));
            } else if (value instanceof Optional<?> optional) {
                optional.ifPresent(item -> pushIfPresent(pending, item));
            } else if (value instanceof Record record) {
                visitor.accept(record);
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        pushIfPresent(pending, component.getAccessor().invoke(record));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + component, e);
                    }
                }
            }
        }
    }

    private static void pushIfPresent(Deque<Object> pending, Object value) {
        if (value != null) {
            pending.push(value);
        }
    }
}
