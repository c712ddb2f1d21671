package dev.overtalkerr.ranking;

import dev.overtalkerr.domain.MediaItem;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a title comes from a country ("the Korean Oldboy", "the British Office"): by the
 * countries of origin the backend reports (series), else by the original language when it is the
 * country's main one (films, whose search results carry only the language).
 */
final class Origins {
  private Origins() {}

  /** ISO 3166 country to the ISO 639-1 language most of its films are made in. */
  private static final Map<String, String> LANGUAGE = Map.ofEntries(
      Map.entry("US", "en"), Map.entry("GB", "en"), Map.entry("IE", "en"), Map.entry("AU", "en"),
      Map.entry("NZ", "en"), Map.entry("CA", "en"), Map.entry("DE", "de"), Map.entry("AT", "de"),
      Map.entry("FR", "fr"), Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("AR", "es"),
      Map.entry("IT", "it"), Map.entry("PT", "pt"), Map.entry("BR", "pt"), Map.entry("NL", "nl"),
      Map.entry("SE", "sv"), Map.entry("DK", "da"), Map.entry("NO", "no"), Map.entry("FI", "fi"),
      Map.entry("IS", "is"), Map.entry("PL", "pl"), Map.entry("CZ", "cs"), Map.entry("HU", "hu"),
      Map.entry("RU", "ru"), Map.entry("UA", "uk"), Map.entry("TR", "tr"), Map.entry("GR", "el"),
      Map.entry("IL", "he"), Map.entry("IR", "fa"), Map.entry("IN", "hi"), Map.entry("CN", "zh"),
      Map.entry("TW", "zh"), Map.entry("HK", "cn"), Map.entry("JP", "ja"), Map.entry("KR", "ko"),
      Map.entry("TH", "th"), Map.entry("ID", "id"), Map.entry("PH", "tl"), Map.entry("EG", "ar"));

  /** @param country an ISO 3166 code, upper case */
  static boolean from(MediaItem item, String country) {
    if (!item.originCountries().isEmpty()) {
      return item.originCountries().stream().anyMatch(c -> c.equalsIgnoreCase(country));
    }
    String language = LANGUAGE.get(country.toUpperCase(Locale.ROOT));
    return language != null && language.equalsIgnoreCase(item.originalLanguage());
  }
}
