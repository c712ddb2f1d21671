package dev.overtalkerr.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.DaggerAppComponent;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.understanding.Expect;
import dev.overtalkerr.conversation.Reply.State;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.RequestStatus;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.logging.Secrets;
import dev.overtalkerr.conversation.Commands;
import dev.overtalkerr.configuration.Settings.Mqtt.Protocol;
import dev.overtalkerr.testing.TestCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire contract pinned byte for byte: replies as docs/assist-contract.md shows them (field
 * order and values) in {@code src/test/resources/contract/*.json}, and the exact reply (or none)
 * for each malformed request in {@code contract/malformed.jsonl}. A change to the contract shows up
 * here as a diff of these files.
 */
class ContractGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = Path.of("src/test/resources/contract");
  @TempDir Path data;

  private static String golden(String name) throws IOException {
    return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8).strip();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static final MediaItem DUNE = new MediaItem(MediaType.MOVIE, 438631, null, "Dune", null, List.of(), LocalDate.of(2021, 9, 15),
      "", null, "en", 80, 1000, Availability.UNKNOWN, Availability.UNKNOWN, List.of());
  private static final MediaItem SEVERANCE = new MediaItem(MediaType.TV, 95396, 371980, "Severance", null, List.of(), LocalDate.of(2022, 2, 18),
      "", null, "en", 60, 1000, Availability.PARTIALLY_AVAILABLE, Availability.UNKNOWN,
      List.of(new Season(0, 3, 2022, Availability.UNKNOWN, null), new Season(1, 9, 2022, Availability.AVAILABLE, null),
          new Season(2, 10, 2025, Availability.PENDING, null)));
  private static final MediaItem NO_YEAR = new MediaItem(MediaType.MOVIE, 1, null, "Untitled Project", null, List.of(), null,
      "", null, "en", 1, 0, Availability.UNKNOWN, Availability.UNKNOWN, List.of());

  @Test
  void repliesAreWrittenExactlyAsTheContractSays() throws Exception {
    ReplyEncoder encoder = new ReplyEncoder(JSON);
    assertThat(text(encoder.encode("t1", new Reply("I found Dune, the film from 2021. Is that the one you meant?", false,
        Expect.CONFIRM, State.OFFER, DUNE, null, null)))).isEqualTo(golden("reply-offer.json"));
    assertThat(text(encoder.encode("t2", new Reply("OK, I've requested season 2 of Severance. It needs approval.", true,
        Expect.NONE, State.REQUESTED, SEVERANCE,
        new RequestRecord("101", MediaType.TV, 95396, "Severance", RequestStatus.PENDING_APPROVAL, Availability.PENDING, List.of(2),
            false, "5", Instant.parse("2026-12-01T10:00:00Z")), null)))).isEqualTo(golden("reply-requested-series.json"));
    assertThat(text(encoder.encode("t3", new Reply("Which one?", false, Expect.TITLE, State.QUESTION, NO_YEAR, null, null))))
        .isEqualTo(golden("reply-question-no-year.json"));
    Secrets.register("sk-golden-0123456789");
    assertThat(text(encoder.encode("t4", new Reply("Sorry, the media server is taking too long. Please try again in a moment.", true,
        Expect.NONE, State.ERROR, null, null, new Reply.ErrorInfo("timeout", "no answer for key sk-golden-0123456789")))))
        .as("messages are masked").isEqualTo(golden("reply-error-timeout.json"));
    assertThat(text(encoder.encodeSearch("s1", new Commands.SearchResult(List.of(DUNE, SEVERANCE), null))))
        .isEqualTo(golden("search-results.json"));
    assertThat(text(encoder.encodeSearch("s2", new Commands.SearchResult(List.of(), null)))).isEqualTo(golden("search-not-found.json"));
    assertThat(text(encoder.encodeSearch("s3", new Commands.SearchResult(List.of(), new Reply.ErrorInfo("unreachable", "down")))))
        .isEqualTo(golden("search-error.json"));
  }

  /** The channel of a real application on the demo settings (no broker needed: nothing is published). */
  static AssistChannel channel(Path data) {
    Settings settings = new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
        .load(Optional.empty(), Optional.empty(), true);
    var app = DaggerAppComponent.factory().create(settings, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
        Optional.of(new TestCatalogue()));
    return app.broker().create(Protocol.V5).assistChannel();
  }

  @Test
  void malformedRequestsGetExactlyTheirErrorReplyOrOnlyALogLine() throws Exception {
    AssistChannel channel = channel(data);
    List<String> lines = Files.readAllLines(DIR.resolve("malformed.jsonl"), StandardCharsets.UTF_8);
    List<String> actual = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = JSON.readTree(line);
      byte[] reply = channel.answerNow(AssistChannel.Kind.valueOf(c.path("kind").asText()),
          c.path("payload").asText().getBytes(StandardCharsets.UTF_8));
      var out = JSON.createObjectNode().put("kind", c.path("kind").asText()).put("payload", c.path("payload").asText());
      if (reply == null) {
        out.putNull("reply");
      } else {
        out.put("reply", text(reply));
      }
      actual.add(JSON.writeValueAsString(out));
      if (!Boolean.getBoolean("contract.write")) { // -Dcontract.write=true rewrites the file after a contract change
        assertThat(JSON.writeValueAsString(out)).as(c.path("payload").asText()).isEqualTo(line);
      }
    }
    if (Boolean.getBoolean("contract.write")) {
      Files.write(DIR.resolve("malformed.jsonl"), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).hasSizeGreaterThanOrEqualTo(15);
  }
}
