package dev.overtalkerr.domain;

/**
 * What was detected at the configured address.
 *
 * @param flavour which product answered
 * @param version its version string, or null when it does not tell
 */
public record BackendInfo(BackendFlavour flavour, String version) {
  public String describe() {
    return version == null ? flavour.displayName() : flavour.displayName() + " " + version;
  }
}
