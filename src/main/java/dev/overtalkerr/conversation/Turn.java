package dev.overtalkerr.conversation;

/**
 * One thing a person said (or an automation sent), with who and where.
 *
 * @param text what was said, as speech-to-text gave it; may be null when {@code slotTitle} is set
 * @param intentHint the sentence trigger's hint (request, movie, show, season, confirm, reject,
 *     next, cancel, help), or null
 * @param slotTitle the trigger's title slot, or null
 * @param slotSeason the trigger's season slot (a number or words such as "two"), or null
 * @param language the language to answer in ("en", "de"), or null for the configured default
 * @param satelliteId the assist satellite entity, or null
 * @param deviceId the device that heard it, or null
 * @param userId the Home Assistant user, or null
 * @param conversationId Home Assistant's conversation id, or null
 */
public record Turn(
    String text,
    String intentHint,
    String slotTitle,
    String slotSeason,
    String language,
    String satelliteId,
    String deviceId,
    String userId,
    String conversationId) {

  /** The dialog session key: the first present of satellite, device, user and conversation. */
  public String sessionKey() {
    for (String k : new String[] {satelliteId, deviceId, userId, conversationId}) {
      if (k != null && !k.isBlank()) {
        return k;
      }
    }
    return "shared";
  }

}
