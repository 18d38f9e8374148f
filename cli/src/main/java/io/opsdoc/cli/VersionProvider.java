package io.opsdoc.cli;

import picocli.CommandLine;

/**
 * The version of opsdoc: from {@code version.properties}, which the build fills in from the POM
 * (so it is right in the shaded jar and in tests alike), else from the jar manifest.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "version.properties";

    public static String version() {
        try (java.io.InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version.strip();
                }
            }
        } catch (java.io.IOException e) {
            // Fall through to the manifest.
        }
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"opsdoc " + version(), "Java " + System.getProperty("java.version")};
    }
}
