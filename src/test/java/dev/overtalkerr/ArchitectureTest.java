package dev.overtalkerr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data's path and depend only downwards: the domain knows nothing of
 * Overtalkerr, the backend adapters only the domain, understanding nothing of the conversation, and
 * nothing below the wiring knows MQTT. The README's code map says the same.
 */
class ArchitectureTest {
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "domain", Set.of(),
      "logging", Set.of(),
      "configuration", Set.of("domain", "logging"),
      "backend", Set.of("domain", "logging", "configuration"),
      "understanding", Set.of("domain"),
      "ranking", Set.of("domain", "understanding"),
      "tracking", Set.of("domain", "configuration", "logging"),
      "requesting", Set.of("domain", "understanding", "tracking", "configuration", "logging"),
      "conversation", Set.of("domain", "understanding", "ranking", "requesting", "tracking", "configuration", "logging"),
      "mqtt", Set.of("domain", "understanding", "conversation", "requesting", "tracking", "configuration", "logging"));
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.overtalkerr\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void everyPackageImportsOnlyThePackagesBelowIt() throws IOException {
    Path root = Path.of("src/main/java/dev/overtalkerr");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // the wiring (Main, Daemon, Dagger modules) sees everything
        }
        String pkg = relative.getName(0).toString();
        Set<String> allowed = ALLOWED.get(pkg);
        assertThat(allowed).as("package %s is in the map", pkg).isNotNull();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String used = m.group(1);
          if (!used.equals(pkg) && !allowed.contains(used)) {
            violations.add(relative + " imports " + used);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
