package io.opsdoc.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (falls back to the development version). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"opsdoc " + version(), "Java " + System.getProperty("java.version")};
    }
}
