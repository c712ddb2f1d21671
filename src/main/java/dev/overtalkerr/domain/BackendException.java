package dev.overtalkerr.domain;

/**
 * A backend call failed for a reason people can be told. The message is for logs and must never
 * carry a secret (clients build it from status codes and the backend's own message).
 */
public final class BackendException extends Exception {
  private final BackendError error;

  public BackendException(BackendError error, String message) {
    super(message);
    this.error = error;
  }

  public BackendException(BackendError error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  public BackendError error() {
    return error;
  }
}
