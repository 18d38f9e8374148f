package io.opsdoc.cli;

import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.markdown.MarkdownParser;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The built-in rules, loaded on a thread of their own from the moment a lint command is named:
 * loading them (the service lookup, every rule's class and metadata, the vocabulary) costs about
 * as long as picocli takes to read the command line, and neither needs the other. A command
 * built by picocli from the annotations alone (no preload) loads the rules when it runs.
 */
final class RulesPreload implements Supplier<RuleRegistry> {
    private final FutureTask<RuleRegistry> task;

    private RulesPreload(Callable<RuleRegistry> loader) {
        this.task = new FutureTask<>(loader);
    }

    /**
     * Starts loading the rules now, on a daemon thread (a usage error may end the run first), and
     * on another one flexmark's classes and patterns ({@link MarkdownParser#warmUp}): the first
     * parser of a run took 50 ms to build, on the main thread, before the first file was read.
     */
    static RulesPreload start() {
        Daemon.start("opsdoc-load-markdown", MarkdownParser::warmUp);
        return start(RuleRegistry::load);
    }

    static RulesPreload start(Callable<RuleRegistry> loader) {
        RulesPreload preload = new RulesPreload(loader);
        Daemon.start("opsdoc-load-rules", preload.task);
        return preload;
    }

    /** The rules, once loaded; fails as {@link RuleRegistry#load} failed. */
    @Override
    public RuleRegistry get() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw io.opsdoc.core.Failures.unchecked(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RuleRegistry.load();
        }
    }
}
