package io.tickwire.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest; "dev" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"tickwire " + (version == null ? "dev" : version)};
  }
}
