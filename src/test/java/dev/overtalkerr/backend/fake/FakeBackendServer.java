package dev.overtalkerr.backend.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * What every fake backend shares: a {@link MockWebServer} with a dispatcher, the log of received
 * calls, a mutable catalogue and user list, filed requests, and the failure switches (wrong API
 * key, a run of 5xx answers, slow answers, backend down). Subclasses answer like the real product.
 *
 * <p>Typical use: {@code try (FakeSeerr fake = FakeSeerr.seerr().start()) { … fake.url() … }}.
 */
public abstract class FakeBackendServer implements AutoCloseable {
  /** The API key the fakes accept unless {@link #apiKey(String)} changes it. */
  public static final String API_KEY = "fake-key-0123456789abcdef";

  protected static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server = new MockWebServer();
  private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
  private final List<FakeTitle> titles = new CopyOnWriteArrayList<>();
  private final List<FakeUser> users = new CopyOnWriteArrayList<>();
  private final List<FakePerson> people = new CopyOnWriteArrayList<>();
  protected final List<FiledRequest> filed = new CopyOnWriteArrayList<>();
  private volatile String apiKey = API_KEY;
  private volatile int failuresLeft;
  private volatile int failureStatus = 500;
  private volatile Duration delay = Duration.ZERO;
  private volatile String delayedMethod;
  private volatile String url;
  private int nextRequestId = 100;

  /** A request's own state on the fake; it changes when a test approves, declines or syncs it. */
  public enum FakeRequestState {
    PENDING,
    APPROVED,
    DECLINED,
    FAILED,
    /** The media arrived (Jellyseerr and Seerr then call the request completed; Overseerr keeps it approved). */
    COMPLETED
  }

  /** A request filed on the fake, as the fake keeps it. Its state changes over time, like on the real server. */
  public static final class FiledRequest {
    public final int id;
    public final FakeTitle title;
    public final FakeUser user;
    public final List<Integer> seasons;
    public final boolean is4k;
    public final boolean approved;
    public final Instant createdAt;
    private volatile FakeRequestState state;
    private volatile Instant updatedAt;

    FiledRequest(int id, FakeTitle title, FakeUser user, List<Integer> seasons, boolean is4k, boolean approved) {
      this.id = id;
      this.title = title;
      this.user = user;
      this.seasons = List.copyOf(seasons);
      this.is4k = is4k;
      this.approved = approved;
      this.createdAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
      this.state = approved ? FakeRequestState.APPROVED : FakeRequestState.PENDING;
      this.updatedAt = createdAt;
    }

    public FakeRequestState state() {
      return state;
    }

    public Instant updatedAt() {
      return updatedAt;
    }

    void state(FakeRequestState value) {
      this.state = value;
      this.updatedAt = Instant.now();
    }
  }

  /**
   * Sockets that send each write at once, as Node's HTTP server (Seerr, Overseerr, Jellyseerr) and
   * Kestrel (Ombi) do: with Nagle's algorithm on, the fake's headers-then-body writes met the
   * client's delayed acknowledgement and every answer came about 40 ms late, which the benchmark
   * took for the bridge's own time.
   */
  private static final javax.net.ServerSocketFactory NO_DELAY = new javax.net.ServerSocketFactory() {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return new java.net.ServerSocket() {
        @Override
        public java.net.Socket accept() throws IOException {
          java.net.Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      java.net.ServerSocket socket = createServerSocket();
      socket.bind(new java.net.InetSocketAddress(port));
      return socket;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      java.net.ServerSocket socket = createServerSocket();
      socket.bind(new java.net.InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address) throws IOException {
      java.net.ServerSocket socket = createServerSocket();
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  };

  /** Starts listening on a free loopback port. */
  @SuppressWarnings("unchecked")
  public <T extends FakeBackendServer> T start() {
    listen(0);
    url = server.url("/").toString();
    return (T) this;
  }

  private void listen(int port) {
    server.setServerSocketFactory(NO_DELAY);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    try {
      server.start(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Listens again on the same port after {@link #goDown()}, with the same catalogue and state. */
  public void comeBack() {
    int port = okhttp3.HttpUrl.get(url).port();
    server = new MockWebServer();
    listen(port);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123/} (still valid after {@link #goDown()}). */
  public String url() {
    return url;
  }

  /** Stops the server: further calls find the port closed (connection refused). */
  public void goDown() {
    server.close();
  }

  @Override
  public void close() {
    server.close();
  }

  // ---- switches ----

  /** Changes the key the fake accepts; the client's key then counts as wrong. */
  public FakeBackendServer apiKey(String key) {
    this.apiKey = key;
    return this;
  }

  public String acceptedApiKey() {
    return apiKey;
  }

  /** The next {@code count} calls are answered with {@code status} (e.g. 500, 503). */
  public FakeBackendServer failNext(int count, int status) {
    this.failureStatus = status;
    this.failuresLeft = count;
    return this;
  }

  /**
   * Answers calls late (after doing their work, so a slow POST still files its request). {@code
   * method} limits it to GET or POST; null delays everything; {@link Duration#ZERO} switches it off.
   */
  public FakeBackendServer delay(String method, Duration by) {
    this.delayedMethod = method;
    this.delay = by;
    return this;
  }

  // ---- catalogue and users ----

  public FakeTitle addMovie(int tmdbId, String title, int year, Availability status) {
    FakeTitle t = new FakeTitle(MediaType.MOVIE, tmdbId, null, title, year, status);
    titles.add(t);
    return t;
  }

  /** Adds a series; add its seasons with {@link FakeTitle#season(int, int, Availability)}. */
  public FakeTitle addSeries(int tmdbId, Integer tvdbId, String title, int year, Availability status) {
    FakeTitle t = new FakeTitle(MediaType.TV, tmdbId, tvdbId, title, year, status);
    titles.add(t);
    return t;
  }

  public FakeUser addUser(int id, String name, String email, boolean admin) {
    FakeUser u = new FakeUser(id, name, email, admin);
    users.add(u);
    return u;
  }

  /** Adds a person credited on catalogue titles (for credits lookups). */
  public FakePerson addPerson(int id, String name, List<FakeTitle> cast, List<FakeTitle> crew) {
    FakePerson p = new FakePerson(id, name, cast, crew);
    people.add(p);
    return p;
  }

  public List<FakePerson> people() {
    return List.copyOf(people);
  }

  public List<FakeTitle> titles() {
    return List.copyOf(titles);
  }

  public Optional<FakeTitle> title(MediaType type, int tmdbId) {
    return titles.stream().filter(t -> t.type() == type && t.tmdbId() == tmdbId).findFirst();
  }

  public List<FakeUser> users() {
    return List.copyOf(users);
  }

  public Optional<FakeUser> user(int id) {
    return users.stream().filter(u -> u.id() == id).findFirst();
  }

  public Optional<FakeUser> user(String name) {
    return users.stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The requests filed so far, oldest first. */
  public List<FiledRequest> filedRequests() {
    return List.copyOf(filed);
  }

  /** The filed request with this id. */
  public FiledRequest filedRequest(int id) {
    return filed.stream().filter(r -> r.id == id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no request " + id + " on the fake"));
  }

  /** An admin approves the request: it goes to Radarr/Sonarr, its media is processing. */
  public synchronized void approve(int id) {
    FiledRequest r = filedRequest(id);
    r.state(FakeRequestState.APPROVED);
    mediaBecomes(r, Availability.PROCESSING);
  }

  /** An admin declines the request: the media is free to be requested again. */
  public synchronized void decline(int id) {
    FiledRequest r = filedRequest(id);
    r.state(FakeRequestState.DECLINED);
    mediaBecomes(r, Availability.UNKNOWN);
  }

  /** Sending the request to Radarr/Sonarr failed. */
  public synchronized void fail(int id) {
    filedRequest(id).state(FakeRequestState.FAILED);
  }

  /** The media server has some of it (a series with several seasons: the first of them). */
  public synchronized void partlyAvailable(int id) {
    FiledRequest r = filedRequest(id);
    r.state(FakeRequestState.APPROVED);
    if (!r.is4k) {
      r.title.status(Availability.PARTIALLY_AVAILABLE);
      if (!r.seasons.isEmpty()) {
        FakeTitle.FakeSeason first = r.title.season(r.seasons.get(0));
        if (first != null) {
          first.status(Availability.AVAILABLE);
        }
      }
    }
    synced(r);
  }

  /** The media server has all of it: the media (and its requested seasons) is available. */
  public synchronized void available(int id) {
    FiledRequest r = filedRequest(id);
    r.state(FakeRequestState.COMPLETED);
    mediaBecomes(r, Availability.AVAILABLE);
    if (r.title.type() == MediaType.TV && !r.is4k) {
      boolean all = r.title.seasons().stream().filter(x -> x.number() > 0).allMatch(x -> x.status() == Availability.AVAILABLE);
      r.title.status(all ? Availability.AVAILABLE : Availability.PARTIALLY_AVAILABLE);
    }
    synced(r);
  }

  private void mediaBecomes(FiledRequest r, Availability status) {
    if (r.is4k) {
      r.title.status4k(status);
      return;
    }
    r.title.status(status);
    for (int n : r.seasons) {
      FakeTitle.FakeSeason s = r.title.season(n);
      if (s != null) {
        s.status(status);
      }
    }
  }

  /** Called when the media server has synced what a request asked for (the Seerr fake then shows its seasons). */
  protected void synced(FiledRequest r) {}

  /** A small household catalogue shared by all fakes (ids as on TMDB/TVDB). */
  protected void addDefaultCatalogue() {
    addMovie(603, "The Matrix", 1999, Availability.AVAILABLE);
    addMovie(604, "The Matrix Reloaded", 2003, Availability.UNKNOWN);
    addMovie(550, "Fight Club", 1999, Availability.UNKNOWN);
    addSeries(1399, 121361, "Game of Thrones", 2011, Availability.PARTIALLY_AVAILABLE)
        .season(0, 14, Availability.UNKNOWN)
        .season(1, 10, Availability.AVAILABLE)
        .season(2, 10, Availability.PROCESSING)
        .season(3, 10, Availability.UNKNOWN);
    addSeries(1396, 81189, "Breaking Bad", 2008, Availability.UNKNOWN)
        .season(1, 7, Availability.UNKNOWN)
        .season(2, 13, Availability.UNKNOWN);
  }

  protected synchronized FiledRequest file(FakeTitle title, FakeUser user, List<Integer> seasons, boolean is4k) {
    boolean approved = user == null || user.admin();
    FiledRequest r = new FiledRequest(nextRequestId++, title, user, seasons, is4k, approved);
    filed.add(r);
    if (is4k) {
      if (title.status4k().isRequestable()) {
        title.status4k(Availability.PENDING);
      }
    } else if (title.status() == Availability.UNKNOWN || title.status() == Availability.DELETED) {
      title.status(Availability.PENDING);
    }
    for (int n : seasons) {
      FakeTitle.FakeSeason s = title.season(n);
      if (s != null && !is4k) {
        s.status(Availability.PENDING);
      }
    }
    return r;
  }

  // ---- recording ----

  /** Every call received so far, in order. */
  private final java.util.concurrent.atomic.AtomicLong servedNanos = new java.util.concurrent.atomic.AtomicLong();

  public List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  /** The calls with this method whose path starts with {@code pathPrefix} (case-insensitive). */
  public List<RecordedCall> calls(String method, String pathPrefix) {
    List<RecordedCall> out = new ArrayList<>();
    for (RecordedCall c : calls) {
      if (c.method().equals(method) && c.path().toLowerCase().startsWith(pathPrefix.toLowerCase())) {
        out.add(c);
      }
    }
    return out;
  }

  public void clearCalls() {
    calls.clear();
  }

  // ---- dispatching ----

  /**
   * The time this fake spent answering, summed over its calls: its own work (checking the call
   * against the spec, building the answer) plus the delay it was told to add. The benchmark
   * subtracts it from a reply's time to get the bridge's own share.
   */
  public long servedNanos() {
    return servedNanos.get();
  }

  private MockResponse answer(RecordedRequest request) {
    long started = System.nanoTime();
    RecordedCall call = new RecordedCall(request.getMethod(), request.getUrl().encodedPath(),
        request.getUrl().encodedQuery(), request.getHeaders(),
        request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8), 0);
    beforeLock(call);
    MockResponse response;
    synchronized (this) {
      if (failuresLeft > 0) {
        failuresLeft--;
        response = json(failureStatus, "{\"message\":\"Internal Server Error\"}");
      } else {
        try {
          response = handle(call);
        } catch (RuntimeException e) {
          response = json(500, "{\"message\":\"fake failed: " + e.getClass().getSimpleName() + "\"}");
        }
      }
    }
    afterLock();
    calls.add(call.withStatus(response.getCode()));
    Duration d = delay;
    if (!d.isZero() && (delayedMethod == null || delayedMethod.equals(call.method()))) {
      response = response.newBuilder().headersDelay(d.toMillis(), TimeUnit.MILLISECONDS).build();
      servedNanos.addAndGet(d.toNanos());
    }
    servedNanos.addAndGet(System.nanoTime() - started);
    return response;
  }

  /**
   * Work on a call that needs none of the fake's state (checking it against a spec), done before
   * the lock on the thread that then calls {@link #handle}, so that concurrent calls do it in
   * parallel as a real server would.
   */
  protected void beforeLock(RecordedCall call) {}

  /** Work left by {@link #handle} that needs none of the fake's state, done after the lock. */
  protected void afterLock() {}

  /** Answers one call like the real product would. Runs under the fake's lock. */
  protected abstract MockResponse handle(RecordedCall call);

  protected static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body).build();
  }

  protected static MockResponse json(int status, JsonNode body) {
    return json(status, body.toString());
  }

  protected static MockResponse text(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "text/plain").body(body).build();
  }

  protected static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
