package dev.overtalkerr.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The words of each language are data: every kind of word in both files, nothing unknown. */
class VocabularyTest {
  private static Set<String> keysOf(String language) {
    return new TreeSet<>(ConfigFactory.parseResources("understanding/" + language + ".conf").root().keySet());
  }

  private static Set<String> fieldKeys() {
    Set<String> keys = Arrays.stream(Vocabulary.class.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()) && f.getType() != boolean.class)
        .map(Field::getName)
        .map(n -> n.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new));
    keys.add("list-places");
    return keys;
  }

  @Test
  void bothLanguagesNameExactlyTheKindsOfWordsTheParserReads() {
    assertThat(keysOf("en")).isEqualTo(fieldKeys());
    assertThat(keysOf("de")).isEqualTo(fieldKeys());
  }

  @Test
  void wordsAreLoadedFromTheFiles() {
    Vocabulary en = Vocabulary.forLanguage("en-GB");
    Vocabulary de = Vocabulary.forLanguage("de");
    assertThat(en.german).isFalse();
    assertThat(de.german).isTrue();
    assertThat(en.seasonWords).contains("season");
    assertThat(de.seasonWords).contains("staffel");
    assertThat(en.trailing.matchAt(java.util.List.of("to", "our", "watch", "list"), 0)).isEqualTo(4);
    assertThat(de.trailing.matchAt(java.util.List.of("auf", "meine", "merkliste"), 0)).isEqualTo(3);
    assertThat(en.particles.get("put").matchAt(java.util.List.of("on", "my", "list"), 0)).isEqualTo(3);
  }
}
