package dev.s3batch.tools.cli;

import picocli.CommandLine.IVersionProvider;

/** The version, from the jar's manifest (or "development" when run from classes). */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"s3batch " + (v == null ? "development" : v)};
  }
}
