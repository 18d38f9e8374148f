package io.opsdoc.core.markdown;

import io.opsdoc.core.doctype.RequiredSection;
import io.opsdoc.core.doctype.SectionMatcher;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed model of one Markdown file that rules walk: headings and the section tree, code
 * blocks, links, tables, task items, prose runs, HTML comments and front matter, all with
 * exact positions in the file.
 */
public final class MarkdownDocument {
    private final SourceFile source;
    private final List<Heading> headings;
    private final List<Section> sections;
    private final int[] parents;
    private final List<CodeBlock> codeBlocks;
    private final List<Link> links;
    private final List<Table> tables;
    private final List<TaskItem> taskItems;
    private final List<ProseSegment> prose;
    private final List<HtmlComment> comments;
    private final Optional<FrontMatter> frontMatter;
    private final int tooDeepLine;
    /** Values derived from this document once (its planning facts), by key; never part of equality. */
    private final java.util.concurrent.ConcurrentMap<Object, java.util.concurrent.FutureTask<?>> derived = new java.util.concurrent.ConcurrentHashMap<>();

    MarkdownDocument(SourceFile source, List<Heading> headings, List<Section> sections, List<CodeBlock> codeBlocks,
            List<Link> links, List<Table> tables, List<TaskItem> taskItems, List<ProseSegment> prose,
            List<HtmlComment> comments, Optional<FrontMatter> frontMatter, int tooDeepLine) {
        this.source = source;
        this.headings = List.copyOf(headings);
        this.sections = List.copyOf(sections);
        this.parents = parents(this.sections);
        this.codeBlocks = List.copyOf(codeBlocks);
        this.links = List.copyOf(links);
        this.tables = List.copyOf(tables);
        this.taskItems = List.copyOf(taskItems);
        this.prose = List.copyOf(prose);
        this.comments = List.copyOf(comments);
        this.frontMatter = frontMatter;
        this.tooDeepLine = tooDeepLine;
    }

    /**
     * The first line that nests or indents deeper than the parser reads (see
     * {@link MarkdownParser#firstTooDeepLine}), or 0: from there such lines were read partly as text.
     */
    public int firstTooDeepLine() {
        return tooDeepLine;
    }

    public SourceFile source() {
        return source;
    }

    public String path() {
        return source.displayPath();
    }

    public String text() {
        return source.text();
    }

    public List<Heading> headings() {
        return headings;
    }

    /** One section per heading, in document order. */
    public List<Section> sections() {
        return sections;
    }

    public List<CodeBlock> codeBlocks() {
        return codeBlocks;
    }

    public List<Link> links() {
        return links;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<TaskItem> taskItems() {
        return taskItems;
    }

    public List<ProseSegment> prose() {
        return prose;
    }

    /**
     * Whether the character at {@code offset} lies in one of the {@link #prose()} segments: a binary
     * search, so rules asking once per candidate stay linear in the document's size.
     */
    public boolean inProse(int offset) {
        return derived(ProseIndex.class, ProseIndex.class, ProseIndex::of).contains(offset);
    }

    /** Segment starts in ascending order, each with the largest end of the segments up to it. */
    private record ProseIndex(int[] starts, int[] maxEnds) {
        static ProseIndex of(MarkdownDocument document) {
            List<ProseSegment> sorted = new java.util.ArrayList<>(document.prose());
            sorted.sort(java.util.Comparator.comparingInt(ProseSegment::offset));
            int[] starts = new int[sorted.size()];
            int[] maxEnds = new int[sorted.size()];
            int maxEnd = Integer.MIN_VALUE;
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sorted.get(i).offset();
                maxEnd = Math.max(maxEnd, sorted.get(i).end());
                maxEnds[i] = maxEnd;
            }
            return new ProseIndex(starts, maxEnds);
        }

        boolean contains(int offset) {
            int low = 0;
            int high = starts.length - 1;
            int last = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (starts[mid] <= offset) {
                    last = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return last >= 0 && offset < maxEnds[last];
        }
    }

    public List<HtmlComment> comments() {
        return comments;
    }

    public Optional<FrontMatter> frontMatter() {
        return frontMatter;
    }

    /** The type declared in front matter ({@code opsdoc: {type: x}} or {@code doc-type: x}). */
    public Optional<String> declaredType() {
        return frontMatter.flatMap(fm -> {
            Optional<Object> opsdoc = fm.value("opsdoc");
            if (opsdoc.isPresent() && opsdoc.get() instanceof java.util.Map<?, ?> map && map.get("type") != null) {
                return Optional.of(String.valueOf(map.get("type")));
            }
            return fm.value("doc-type").map(String::valueOf);
        });
    }

    /** First section whose heading matches the required section (title or alias). */
    public Optional<Section> section(RequiredSection required) {
        return findSection(required.names());
    }

    /** First section whose heading matches one of {@code names} forgivingly (see {@link SectionMatcher}). */
    public Optional<Section> findSection(List<String> names) {
        int index = headingIndex().first(names);
        return index < 0 ? Optional.empty() : Optional.of(sections.get(index));
    }

    public Optional<Section> findSection(String... names) {
        return findSection(List.of(names));
    }

    /** Sections whose heading matches any of {@code names}. */
    public List<Section> findSections(List<String> names) {
        return headingIndex().all(names).stream().map(sections::get).toList();
    }

    /** The section titles normalised for {@link SectionMatcher} once per document, not per look-up. */
    private SectionMatcher.Headings headingIndex() {
        return derived(SectionMatcher.Headings.class, SectionMatcher.Headings.class,
                d -> SectionMatcher.Headings.of(d.sections.stream().map(Section::title).toList()));
    }

    /** The innermost section holding {@code offset}, if any. */
    public Optional<Section> sectionAt(int offset) {
        // Sections are in document order and nest: the innermost one holding the offset is the
        // last that starts at or before it, or one of that one's enclosing sections. A binary
        // search keeps this logarithmic; rules call it once per paragraph.
        int low = 0;
        int high = sections.size() - 1;
        int last = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (sections.get(mid).range().start().offset() <= offset) {
                last = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        for (int i = last; i >= 0; i = parents[i]) {
            if (sections.get(i).contains(offset)) {
                return Optional.of(sections.get(i));
            }
        }
        return Optional.empty();
    }

    /** Index of the section directly enclosing section {@code index}, or -1 for a top-level one. */
    public int parentIndex(int index) {
        return parents[index];
    }

    /** The sections holding {@code offset}, innermost first. */
    public List<Section> enclosingSections(int offset) {
        List<Section> result = new ArrayList<>();
        Optional<Section> innermost = sectionAt(offset);
        for (int i = innermost.map(Section::index).orElse(-1); i >= 0; i = parents[i]) {
            result.add(sections.get(i));
        }
        return result;
    }

    /** Index of each section's enclosing section, -1 for a top-level one. */
    private static int[] parents(List<Section> sections) {
        int[] parents = new int[sections.size()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < sections.size(); i++) {
            int start = sections.get(i).range().start().offset();
            while (!open.isEmpty() && !sections.get(open.peek()).contains(start)) {
                open.pop();
            }
            parents[i] = open.isEmpty() ? -1 : open.peek();
            open.push(i);
        }
        return parents;
    }

    /** Direct and indirect sub-sections of {@code parent}. */
    public List<Section> subsections(Section parent) {
        List<Section> result = new ArrayList<>();
        for (Section s : sections) {
            if (s.index() > parent.index() && parent.containsInContent(s.range().start().offset())) {
                result.add(s);
            }
        }
        return result;
    }

    public List<CodeBlock> blocksIn(Section section) {
        return codeBlocks.stream().filter(b -> section.containsInContent(b.range().start().offset())).toList();
    }

    public List<Table> tablesIn(Section section) {
        return tables.stream().filter(t -> section.containsInContent(t.range().start().offset())).toList();
    }

    public List<ProseSegment> proseIn(Section section) {
        return prose.stream().filter(p -> section.containsInContent(p.offset())).toList();
    }

    public List<Link> linksIn(Section section) {
        return links.stream().filter(l -> section.containsInContent(l.range().start().offset())).toList();
    }

    /** Raw Markdown text of the section's content (sub-sections included). */
    public String text(Section section) {
        return source.text().substring(section.contentRange().start().offset(), section.contentRange().end().offset());
    }

    /** All prose of the document joined with spaces, for vocabulary checks. */
    public String proseText() {
        StringBuilder sb = new StringBuilder();
        for (ProseSegment p : prose) {
            sb.append(p.text()).append(' ');
        }
        return sb.toString();
    }

    /**
     * A value derived from this immutable document, computed on first request and kept with it, so
     * that every rule of a run reads the same facts without recomputing them. {@code key} names the
     * computation (and its parameters); {@code compute} must not call back into this method with
     * the same key.
     */
    public <T> T derived(Object key, Class<T> type, java.util.function.Function<MarkdownDocument, T> compute) {
        // Set rules run in parallel and ask for the same facts at once: the first request computes
        // them, the others wait for that result instead of computing them again.
        java.util.concurrent.FutureTask<Object> task = new java.util.concurrent.FutureTask<>(() -> compute.apply(this));
        java.util.concurrent.FutureTask<?> existing = derived.putIfAbsent(key, task);
        java.util.concurrent.FutureTask<?> owner = existing == null ? task : existing;
        if (existing == null) {
            task.run();
        }
        try {
            return type.cast(owner.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deriving " + key, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw io.opsdoc.core.Failures.unchecked(e.getCause());
        }
    }
}
