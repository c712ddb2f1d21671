package dev.overtalkerr.backend.fake;

/**
 * A user account on a fake backend. Seerr fakes address it by {@link #id()} (X-API-User), Ombi
 * fakes by {@link #name()} (UserName). The switches change how the fake treats this user's
 * requests.
 */
public final class FakeUser {
  private final int id;
  private final String name;
  private final String email;
  private volatile boolean admin;
  private volatile boolean quotaExceeded;
  private volatile boolean mayRequest = true;

  FakeUser(int id, String name, String email, boolean admin) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.admin = admin;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  /** Admins' requests are approved at once; others' wait for approval. */
  public boolean admin() {
    return admin;
  }

  public boolean quotaExceeded() {
    return quotaExceeded;
  }

  public boolean mayRequest() {
    return mayRequest;
  }

  /** Makes every further request of this user fail with the backend's quota answer. */
  public FakeUser quotaExceeded(boolean exceeded) {
    this.quotaExceeded = exceeded;
    return this;
  }

  /** Takes away (or gives back) the permission to request anything. */
  public FakeUser mayRequest(boolean allowed) {
    this.mayRequest = allowed;
    return this;
  }

  public FakeUser admin(boolean isAdmin) {
    this.admin = isAdmin;
    return this;
  }
}
