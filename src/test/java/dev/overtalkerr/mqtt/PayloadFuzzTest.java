package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever arrives on a request topic, the channel never throws, and every payload with a
 * readable id gets exactly one well-formed reply for that id (an error reply when anything is
 * malformed); payloads without one get none. 12 000 generated cases from a seeded generator, so a
 * failure names a case that can be replayed.
 */
class PayloadFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 20261203L;
  private static final String[] FIELDS = {"id", "text", "intent", "slots", "language", "satellite_id", "device_id", "user_id",
      "conversation_id", "query", "media_type", "year", "limit", "tmdb_id", "seasons", "is4k", "title", "season"};
  private static final String[] WORDS = {"download", "dune", "yes", "no", "season", "two", "the", "matrix", "cancel", "help", "all",
      "movie", "tv", "request", "confirm", "1984", "é", "\u0000", "\n", "\u202e", "😀", "'", "\"", "\\", "<script>", "%00"};
  @TempDir Path data;

  @Test
  void everyPayloadWithAReadableIdGetsOneWellFormedReplyAndNothingThrows() throws Exception {
    AssistChannel channel = ContractGoldenTest.channel(data);
    Random random = new Random(SEED);
    AssistChannel.Kind[] kinds = AssistChannel.Kind.values();
    int withId = 0;
    int errors = 0;
    for (int i = 0; i < 12_000; i++) {
      AssistChannel.Kind kind = kinds[random.nextInt(kinds.length)];
      String payload = payload(random, i);
      byte[] reply;
      try {
        reply = channel.answerNow(kind, payload.getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new AssertionError("case " + i + " (" + kind + ") threw on: " + payload, e);
      }
      String id = readableId(payload);
      if (id == null) {
        assertThat(reply).as("case %d: no readable id, no reply: %s", i, payload).isNull();
        continue;
      }
      withId++;
      assertThat(reply).as("case %d: a reply for %s", i, payload).isNotNull();
      JsonNode r = JSON.readTree(reply);
      assertThat(r.path("id").asText()).as("case %d", i).isEqualTo(id);
      assertThat(r.path("state").isTextual()).as("case %d", i).isTrue();
      assertThat(r.has("error")).as("case %d", i).isTrue();
      if (r.path("error").isObject()) {
        errors++;
        assertThat(r.path("error").path("code").asText()).as("case %d", i).isNotBlank();
      }
    }
    assertThat(withId).as("enough cases reach the decoder").isGreaterThan(4000);
    assertThat(errors).as("and most of them are malformed").isGreaterThan(1000);
  }

  /** The id as the contract reads it, or null. */
  private static String readableId(String payload) {
    try {
      JsonNode root = JSON.readTree(payload);
      if (root == null || !root.isObject()) {
        return null;
      }
      JsonNode id = root.get("id");
      return id != null && id.isTextual() && id.asText().matches("[A-Za-z0-9_.-]{1,64}") ? id.asText() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String payload(Random r, int i) throws Exception {
    switch (r.nextInt(10)) {
      case 0 -> {
        return garbage(r);
      }
      case 1 -> {
        return value(r, 2).toString();
      }
      default -> {
        var node = JSON.createObjectNode();
        if (r.nextInt(10) < 8) {
          node.set("id", r.nextInt(6) == 0 ? value(r, 1) : JSON.getNodeFactory().textNode(r.nextInt(8) == 0 ? garbageId(r) : "f" + i));
        }
        int fields = r.nextInt(6);
        for (int f = 0; f < fields; f++) {
          String name = FIELDS[r.nextInt(FIELDS.length)];
          if (!name.equals("id")) {
            node.set(name, value(r, 2));
          }
        }
        String text = JSON.writeValueAsString(node);
        return r.nextInt(20) == 0 && text.length() > 2 ? text.substring(0, r.nextInt(text.length())) : text;
      }
    }
  }

  private static String garbageId(Random r) {
    String[] ids = {"", " ", "a b", "x".repeat(65), "ü", "a/b", "#", "+", "a\nb", "..", "-"};
    return ids[r.nextInt(ids.length)];
  }

  private static String garbage(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(80);
    for (int i = 0; i < n; i++) {
      b.append((char) r.nextInt(0x2100));
    }
    return b.toString();
  }

  private static JsonNode value(Random r, int depth) {
    var f = JSON.getNodeFactory();
    return switch (r.nextInt(depth > 0 ? 11 : 8)) {
      case 0 -> f.nullNode();
      case 1 -> f.booleanNode(r.nextBoolean());
      case 2 -> f.numberNode(r.nextInt(3000) - 100);
      case 3 -> f.numberNode(r.nextLong());
      case 4 -> f.numberNode(r.nextDouble() * 1e6);
      case 5, 6 -> f.textNode(words(r));
      case 7 -> f.textNode("a".repeat(r.nextInt(3) == 0 ? 501 + r.nextInt(100) : r.nextInt(40)));
      case 8 -> {
        var a = f.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(value(r, depth - 1));
        }
        yield a;
      }
      default -> {
        var o = f.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(FIELDS[r.nextInt(FIELDS.length)], value(r, depth - 1));
        }
        yield o;
      }
    };
  }

  private static String words(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(6); i >= 0; i--) {
      b.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    return b.toString().strip();
  }
}
