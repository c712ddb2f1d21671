package dev.overtalkerr.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.overtalkerr.backend.fake.FakeBackendServer;
import dev.overtalkerr.backend.fake.FakeSeerr;
import dev.overtalkerr.configuration.Settings;
import dev.overtalkerr.configuration.SettingsLoader;
import dev.overtalkerr.conversation.DialogEngine;
import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.conversation.Speech;
import dev.overtalkerr.conversation.Turn;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.Requester;
import dev.overtalkerr.domain.SeasonSelection;
import dev.overtalkerr.ranking.Ranker;
import dev.overtalkerr.requesting.Requesters;
import dev.overtalkerr.tracking.RequestLedger;
import dev.overtalkerr.understanding.UtteranceParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the real Seerr showed (findings §1): right after a season request the season is only in
 * {@code mediaInfo.requests[].seasons}. An offer of that season must say it was requested already,
 * and a "yes" must not file it again.
 */
class SeasonRequestedBeforeSyncTest {
  @TempDir
  Path data;

  static Stream<FakeSeerr> flavours() {
    return Stream.of(FakeSeerr.overseerr(), FakeSeerr.jellyseerr(), FakeSeerr.seerr());
  }

  @ParameterizedTest
  @MethodSource("flavours")
  void anOfferOfASeasonRequestedMomentsAgoSaysItWasRequested(FakeSeerr server) throws Exception {
    try (FakeSeerr fake = server.start()) {
      SeerrClient client = new SeerrClient(HttpUrl.get(fake.url()), FakeBackendServer.API_KEY,
          new BackendInfo(fake.flavour(), fake.version()), new OkHttpClient(), Backends.lenientMapper(), Duration.ofSeconds(3));
      // someone else asked for season 2 minutes ago, through the backend's own web page
      client.request(MediaRequest.tv(1396, 81189, SeasonSelection.of(2), false), new Requester("8", "Ben", false));

      Settings settings = new SettingsLoader(Map.of("MOCK_BACKEND", "true", "OVERTALKERR_DATA_DIR", data.toString()))
          .load(Optional.empty(), Optional.empty(), true);
      Clock clock = Clock.systemDefaultZone();
      DialogEngine dialog = new DialogEngine(new UtteranceParser(clock), new Ranker(clock), client, new Speech(),
          new Requesters(settings), new RequestLedger(settings, new ObjectMapper().registerModule(new JavaTimeModule())), settings, clock);

      Reply offer = dialog.handle(new Turn("download season two of breaking bad", null, null, null, "en", "den", null, null, null));
      assertThat(offer.speech()).as(offer.toString()).containsIgnoringCase("season 2").containsIgnoringCase("requested")
          .doesNotContainIgnoringCase("shall i request");
      Reply yes = dialog.handle(new Turn("yes", null, null, null, "en", "den", null, null, null));
      assertThat(yes.state()).as(yes.toString()).isIn(Reply.State.ALREADY_REQUESTED, Reply.State.GOODBYE);
      assertThat(fake.filedRequests()).as("nothing filed twice").hasSize(1);
      assertThat(fake.violations()).isEmpty();
    }
  }
}
