package dev.overtalkerr.domain;

/**
 * A user account on the backend, as listed by {@link MediaBackend#users()}.
 *
 * @param id the id to act as (Seerr: numeric id; Ombi: user name)
 * @param displayName the name shown on the backend
 * @param email the e-mail address, or null
 */
public record BackendUser(String id, String displayName, String email) {}
