package io.opsdoc.cli;

/** Start-up work on a thread of its own that never keeps the JVM alive (a usage error may end the run first). */
final class Daemon {
    private Daemon() {
    }

    /** Runs {@code task} on a new daemon thread named {@code name}. */
    static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
