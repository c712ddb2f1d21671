package dev.overtalkerr;

/** Overtalkerr's own version, from the jar's manifest ("development" when run from classes). */
public final class Version {
  private Version() {}

  /** The version, e.g. {@code 0.2.0}. */
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
