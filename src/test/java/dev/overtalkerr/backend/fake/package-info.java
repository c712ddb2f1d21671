/**
 * Fake request managers for tests, reusable by end-to-end tests.
 *
 * <ul>
 *   <li>{@link dev.overtalkerr.backend.fake.FakeSeerr}: Overseerr / Jellyseerr / Seerr ({@code
 *       overseerr()}, {@code jellyseerr()}, {@code seerr()}, {@code of(flavour, version)}); checks
 *       every request against the flavour's real OpenAPI spec ({@link
 *       dev.overtalkerr.backend.fake.SpecValidator}) and answers 400 like the real server.
 *   <li>{@link dev.overtalkerr.backend.fake.FakeOmbi}: Ombi {@code v4()} and {@code v3()}.
 * </ul>
 *
 * <p>Both extend {@link dev.overtalkerr.backend.fake.FakeBackendServer}: {@code start()}, {@code
 * url()}, {@code close()}, the catalogue ({@code addMovie}, {@code addSeries(...).season(n,
 * episodes, status)}, {@code title(type, id)}), users ({@code addUser}, {@code user(id)}, {@code
 * user(name)} with {@code quotaExceeded(true)} / {@code mayRequest(false)}), {@code
 * filedRequests()}, {@code calls()} / {@code calls(method, pathPrefix)}, and the switches {@code
 * apiKey(other)} (the client's key becomes wrong), {@code failNext(count, status)}, {@code
 * delay(method, duration)}, {@code goDown()} and {@code comeBack()} (same port, same state). The Seerr fake adds {@code csrf(true)}, {@code
 * csrfExchangeWorks(true)}, {@code publicSettingsBroken(true)}, {@code violations()} and {@code
 * responseViolations()}; the Ombi fake adds {@code violations()}.
 *
 * <p>Every fake starts with the same catalogue: films 603 "The Matrix" (available), 604 "The Matrix
 * Reloaded", 550 "Fight Club"; series 1399 "Game of Thrones" (TVDB 121361; specials, season 1
 * available, 2 processing, 3 missing) and 1396 "Breaking Bad" (TVDB 81189, two missing seasons).
 * The Seerr fakes add film 10 "Blocked Film" (blocklisted on Jellyseerr/Seerr) and a person
 * "Keanu Reeves" in searches. Users: Seerr 1 admin, 7 anna, 8 ben; Ombi anna, ben. The accepted key
 * is {@link dev.overtalkerr.backend.fake.FakeBackendServer#API_KEY}.
 */
package dev.overtalkerr.backend.fake;
