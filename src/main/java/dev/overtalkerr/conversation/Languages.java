package dev.overtalkerr.conversation;

import dev.overtalkerr.configuration.Settings;
import java.util.Locale;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The languages Overtalkerr speaks, and the configured one for turns that name none of them. */
@Singleton
public final class Languages {
  private final String fallback;

  @Inject
  public Languages(Settings settings) {
    this(settings.dialog().language());
  }

  Languages(String fallback) {
    this.fallback = fallback;
  }

  /** "de-DE" → "de"; anything we do not speak → the configured default. */
  public String of(String requested) {
    if (requested == null || requested.isBlank()) {
      return fallback;
    }
    String primary = requested.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return primary.equals("en") || primary.equals("de") ? primary : fallback;
  }
}
