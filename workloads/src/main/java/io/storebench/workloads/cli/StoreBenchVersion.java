package io.storebench.workloads.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The {@code --version} line of StoreBench's commands: the version in the jar's manifest
 * ({@code Implementation-Version}), or "development build" when run from classes.
 */
public final class StoreBenchVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = StoreBenchVersion.class.getPackage().getImplementationVersion();
        return new String[] {"StoreBench " + (version == null ? "(development build)" : version)};
    }
}
