package dev.overtalkerr.configuration;

/**
 * A setting is missing or invalid. The message is one line for the admin: the key, and what is
 * wrong with it. Start-up prints it and exits with code 2.
 */
public final class ConfigurationException extends RuntimeException {
  private final String key;

  public ConfigurationException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
