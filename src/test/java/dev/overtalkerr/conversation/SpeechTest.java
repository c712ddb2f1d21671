package dev.overtalkerr.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The spoken phrase bundles: the same phrases in every language, each one speakable. */
class SpeechTest {
  private final Speech speech = new Speech();

  private static Properties bundle(String language) throws IOException {
    Properties p = new Properties();
    try (InputStream in = SpeechTest.class.getResourceAsStream("/phrases_" + language + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyLanguageHasEveryPhrase() throws IOException {
    assertThat(bundle("de").stringPropertyNames()).isEqualTo(bundle("en").stringPropertyNames());
  }

  @Test
  void everyPhraseFormatsWithTypicalArguments() throws IOException {
    for (String language : List.of("en", "de")) {
      Properties phrases = bundle(language);
      for (String key : phrases.stringPropertyNames()) {
        // text where the pattern wants text, a count where it chooses by number
        Object[] args = new Object[4];
        for (int i = 0; i < args.length; i++) {
          args[i] = phrases.getProperty(key).contains("{" + i + ",choice") ? (Object) 2 : "Dune";
        }
        assertThatCode(() -> {
          String said = speech.say(language, key, args);
          assertThat(said).as(language + " " + key).isNotBlank().doesNotContain("{").doesNotContain("''");
        }).as(language + " " + key).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void seasonListsAreSpokenNaturally() {
    assertThat(speech.seasons("en", List.of(2))).isEqualTo("season 2");
    assertThat(speech.seasons("en", List.of(2, 1))).isEqualTo("seasons 1 and 2");
    assertThat(speech.seasons("en", List.of(1, 2, 3, 4))).isEqualTo("seasons 1 to 4");
    assertThat(speech.seasons("en", List.of(5, 1, 3))).isEqualTo("seasons 1, 3 and 5");
    assertThat(speech.seasons("de", List.of(1, 2, 3))).isEqualTo("die Staffeln 1 bis 3");
    assertThat(speech.seasons("de", List.of(4))).isEqualTo("Staffel 4");
  }

  @Test
  void yearsAreSpokenAsWrittenAndCountsChooseTheGrammar() {
    assertThat(speech.say("en", "offer.with.year", "Dune", "film", "2021")).isEqualTo("I found Dune, the film from 2021.");
    assertThat(speech.say("en", "already.requested.seasons", "Seasons 2 and 3", "Better Call Saul", 2))
        .isEqualTo("Seasons 2 and 3 of Better Call Saul have already been requested.");
    assertThat(speech.say("de", "already.requested.seasons", "Staffel 2", "Dark", 1)).isEqualTo("Staffel 2 von Dark wurde schon angefordert.");
  }
}
