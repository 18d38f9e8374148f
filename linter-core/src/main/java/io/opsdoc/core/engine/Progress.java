package io.opsdoc.core.engine;

/** Told how many files of a run have been checked; lets a terminal front end show progress. */
@FunctionalInterface
public interface Progress {
    /** Called on the thread that runs the linter, in order, after each file. */
    void filesChecked(int done, int total);

    Progress NONE = (done, total) -> { };
}
