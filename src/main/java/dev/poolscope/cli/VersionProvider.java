package dev.poolscope.cli;

import dev.poolscope.about.AppInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code poolscope --version}: the version from the build, the Java runtime and the licence. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            AppInfo.nameAndVersion(),
            AppInfo.javaDescription(),
            "Licence: " + AppInfo.licenceName() + " (see LICENSE)",
        };
    }
}
