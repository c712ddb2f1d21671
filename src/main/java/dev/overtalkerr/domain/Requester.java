package dev.overtalkerr.domain;

/**
 * The backend user a request is filed as, so that their quota and approval rules apply.
 *
 * @param backendUserId Seerr: the numeric user id (sent as X-API-User); Ombi: the user name
 *     (sent as UserName). Null means "as the API key's owner" (the admin).
 * @param displayName a name for logs and speech, never a secret
 * @param allow4k whether this person may ask for 4K copies
 */
public record Requester(String backendUserId, String displayName, boolean allow4k) {
  public static final Requester OWNER = new Requester(null, "the API key owner", true);

  public boolean isOwner() {
    return backendUserId == null;
  }
}
