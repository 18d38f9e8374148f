package io.opsdoc.maven;

import io.opsdoc.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code opsdoc:check}: lints the project's Markdown planning documents during the build, with
 * the options of {@code opsdoc check}. The goal runs the command line in-process, so findings,
 * formats, baselines and the {@code failOn} threshold behave exactly as on the command line:
 * exit 1 (findings at or above {@code failOn}) fails the build, exit 2 (bad option or
 * configuration) is a build error.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {
    /** Markdown files or folders to check (folders recursively), relative to the project folder. */
    @Parameter(property = "opsdoc.paths")
    List<File> paths = new ArrayList<>();

    /** The project folder: relative paths are resolved against it, and it is checked when {@code paths} is empty. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** A configuration file to use instead of looking for {@code .opsdoc.yml} files. */
    @Parameter(property = "opsdoc.config")
    File config;

    /** Output format: text, json, sarif, checkstyle or github. */
    @Parameter(property = "opsdoc.format", defaultValue = "text")
    String format = "text";

    /** Write the report to this file instead of the build log. */
    @Parameter(property = "opsdoc.output")
    File output;

    /** Fail the build when a finding at or above this level exists: error, warning, note or none. */
    @Parameter(property = "opsdoc.failOn", defaultValue = "error")
    String failOn = "error";

    /** SARIF automationDetails.id, to keep several opsdoc runs apart in code scanning. */
    @Parameter(property = "opsdoc.category")
    String category;

    /** Report only findings that are not in this earlier opsdoc SARIF or JSON report. */
    @Parameter(property = "opsdoc.baseline")
    File baseline;

    /** Files checked in parallel (default: number of processors). */
    @Parameter(property = "opsdoc.jobs")
    Integer jobs;

    /** Skip the goal. */
    @Parameter(property = "opsdoc.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("opsdoc: skipped");
            return;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(arguments().toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        log(out.toString(), code == 0 ? Level.INFO : Level.WARN);
        log(err.toString(), Level.ERROR);
        switch (code) {
            case 0 -> {
            }
            case 1 -> throw new MojoFailureException("opsdoc found problems at or above '" + failOn + "'"
                    + (output == null ? " (see above)" : " (see " + output + ")"));
            default -> throw new MojoExecutionException("opsdoc could not run (exit " + code + "): "
                    + firstLine(err.toString()));
        }
    }

    /** The {@code opsdoc check} command line these parameters stand for. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add("check");
        args.add("--format");
        args.add(format);
        args.add("--fail-on");
        args.add(failOn);
        if (config != null) {
            args.add("--config");
            args.add(resolve(config).getPath());
        }
        if (output != null) {
            args.add("--output");
            args.add(resolve(output).getPath());
        }
        if (category != null && !category.isBlank()) {
            args.add("--category");
            args.add(category);
        }
        if (baseline != null) {
            args.add("--baseline");
            args.add(resolve(baseline).getPath());
        }
        if (jobs != null) {
            args.add("--jobs");
            args.add(Integer.toString(jobs));
        }
        // "--" so that a path starting with '-' is never read as an option.
        args.add("--");
        if (paths == null || paths.isEmpty()) {
            args.add(basedir.getPath());
        } else {
            paths.forEach(p -> args.add(resolve(p).getPath()));
        }
        return args;
    }

    /** Maven injects absolute files; a test or a hand-made instance may not, so resolve against the project. */
    private File resolve(File file) {
        return file.isAbsolute() || basedir == null ? file : new File(basedir, file.getPath());
    }

    private enum Level { INFO, WARN, ERROR }

    private void log(String text, Level level) {
        Log log = getLog();
        for (String line : text.split("\\R")) {
            if (line.isEmpty()) {
                continue;
            }
            switch (level) {
                case INFO -> log.info(line);
                case WARN -> log.warn(line);
                case ERROR -> log.error(line);
            }
        }
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
