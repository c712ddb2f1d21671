package dev.overtalkerr.tracking;

import dev.overtalkerr.domain.BackendError;
import dev.overtalkerr.domain.BackendException;
import dev.overtalkerr.domain.BackendInfo;
import dev.overtalkerr.domain.BackendUser;
import dev.overtalkerr.domain.MediaBackend;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaRequest;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Requester;
import java.util.List;
import java.util.Optional;

/**
 * The backend, with every request written into the {@link RequestLedger} before it is sent and
 * completed when it was made, so that a process killed while the request is on its way leaves it
 * in the local record. Reads pass straight through.
 */
public final class RecordingBackend implements MediaBackend {
  private final MediaBackend backend;
  private final RequestLedger ledger;

  public RecordingBackend(MediaBackend backend, RequestLedger ledger) {
    this.backend = backend;
    this.ledger = ledger;
  }

  @Override
  public RequestRecord request(MediaRequest request, Requester requester) throws BackendException {
    RequestLedger.Intent intent = ledger.intend(request, requester);
    RequestRecord made;
    try {
      made = backend.request(request, requester);
    } catch (BackendException e) {
      if (e.error() != BackendError.TIMEOUT) {
        ledger.abandon(intent); // refused, or never sent: nothing was filed
      }
      // a timeout the client's read-back could not settle stays as an intent: the outcome is unknown
      throw e;
    } catch (RuntimeException e) {
      ledger.abandon(intent);
      throw e;
    }
    ledger.confirm(intent, made);
    return made;
  }

  @Override
  public BackendInfo info() {
    return backend.info();
  }

  @Override
  public List<MediaItem> search(String query, String language) throws BackendException {
    return backend.search(query, language);
  }

  @Override
  public MediaItem details(MediaType type, int tmdbId, String language) throws BackendException {
    return backend.details(type, tmdbId, language);
  }

  @Override
  public List<RequestRecord> requests(int limit) throws BackendException {
    return backend.requests(limit);
  }

  @Override
  public Optional<RequestRecord> filedRequest(MediaRequest request, Requester requester) throws BackendException {
    return backend.filedRequest(request, requester);
  }

  @Override
  public Optional<RequestRecord> existingRequest(MediaType type, int tmdbId) throws BackendException {
    return backend.existingRequest(type, tmdbId);
  }

  @Override
  public List<BackendUser> users() throws BackendException {
    return backend.users();
  }

  @Override
  public dev.overtalkerr.domain.Credits credits(String personName, String language) throws BackendException {
    return backend.credits(personName, language);
  }

  @Override
  public boolean searchGivesFilmStatus() {
    return backend.searchGivesFilmStatus();
  }

  @Override
  public Optional<RequestRecord> request(String id) throws BackendException {
    return backend.request(id);
  }

  @Override
  public dev.overtalkerr.domain.RequestCounts requestCounts() throws BackendException {
    return backend.requestCounts();
  }
}
