package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.overtalkerr.conversation.Commands;
import dev.overtalkerr.conversation.Turn;
import dev.overtalkerr.understanding.Hint;
import java.util.regex.Pattern;

/**
 * Reads and checks request objects exactly as the Assist contract says, straight into the
 * conversation's typed commands ({@link Turn}, {@link Commands.Search}, {@link Commands.Request};
 * the intent as a {@link Hint}); a malformed field is an {@link InvalidRequestException} whose
 * message says which and why (it becomes the error reply). The id is read by {@link #id}.
 */
final class WireDecoder {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  static final int MAX_TEXT = 500;
  private final JsonNode root;

  static final class InvalidRequestException extends Exception {
    InvalidRequestException(String message) {
      super(message);
    }
  }

  WireDecoder(JsonNode root) {
    this.root = root;
  }

  /** The request's language if it names a valid one, else null (the default applies). */
  static String language(JsonNode root) {
    JsonNode l = root.get("language");
    return l != null && l.isTextual() && l.asText().length() <= 35 ? l.asText() : null;
  }

  /** The id, when it is there and valid (a reply can be sent), else null. */
  static String id(JsonNode root) {
    JsonNode idNode = root.get("id");
    return idNode != null && idNode.isTextual() && ID.matcher(idNode.asText()).matches() ? idNode.asText() : null;
  }

  Turn assist() throws InvalidRequestException {
    String text = optionalText("text", MAX_TEXT);
    String intentText = optionalText("intent", 32);
    Hint intent = null;
    if (intentText != null) {
      intent = Hint.of(intentText).orElseThrow(() -> new InvalidRequestException("intent is not one of "
          + String.join(", ", java.util.Arrays.stream(Hint.values()).map(Hint::wire).sorted().toList())));
    }
    String slotTitle = null;
    String slotSeason = null;
    JsonNode slots = root.get("slots");
    if (slots != null && !slots.isNull()) {
      if (!slots.isObject()) {
        throw new InvalidRequestException("slots must be an object");
      }
      JsonNode t = slots.get("title");
      if (t != null && !t.isNull()) {
        // Home Assistant templates turn a title such as "1917" into a number: take it as text
        if (!(t.isTextual() || t.isIntegralNumber()) || t.asText().length() > MAX_TEXT) {
          throw new InvalidRequestException("slots.title must be a string of at most " + MAX_TEXT + " characters");
        }
        slotTitle = t.asText();
      }
      JsonNode s = slots.get("season");
      if (s != null && !s.isNull()) {
        if (s.isIntegralNumber() && s.asInt() >= 0 && s.asInt() < 1000) {
          slotSeason = Integer.toString(s.asInt());
        } else if (s.isTextual() && s.asText().length() <= 40) {
          slotSeason = s.asText();
        } else {
          throw new InvalidRequestException("slots.season must be a number or a short string");
        }
      }
    }
    if ((text == null || text.isBlank()) && (slotTitle == null || slotTitle.isBlank()) && intent == null) {
      throw new InvalidRequestException("text is required unless slots.title or intent is given");
    }
    return new Turn(text, intent == null ? null : intent.wire(), slotTitle, slotSeason, optionalText("language", 35),
        optionalText("satellite_id", 255), optionalText("device_id", 255), optionalText("user_id", 255),
        optionalText("conversation_id", 255));
  }

  Commands.Search search() throws InvalidRequestException {
    String query = optionalText("query", MAX_TEXT);
    if (query == null || query.isBlank()) {
      throw new InvalidRequestException("query is required");
    }
    return new Commands.Search(query, mediaType(), year(), limit(), context());
  }

  Commands.Request request() throws InvalidRequestException {
    String query = optionalText("query", MAX_TEXT);
    Integer tmdbId = null;
    JsonNode t = root.get("tmdb_id");
    if (t != null && !t.isNull()) {
      if (!t.isIntegralNumber() || t.asLong() <= 0 || t.asLong() > Integer.MAX_VALUE) {
        throw new InvalidRequestException("tmdb_id must be a positive whole number");
      }
      tmdbId = t.asInt();
    }
    var type = mediaType();
    if (tmdbId != null && type == null) {
      throw new InvalidRequestException("media_type (movie or tv) is required with tmdb_id");
    }
    if (tmdbId == null && (query == null || query.isBlank())) {
      throw new InvalidRequestException("tmdb_id and media_type, or query, is required");
    }
    java.util.List<Integer> seasons = null;
    boolean all = false;
    JsonNode s = root.get("seasons");
    if (s != null && !s.isNull()) {
      if (s.isTextual() && s.asText().equals("all")) {
        all = true;
      } else if (s.isArray() && s.size() > 0 && s.size() <= 100) {
        seasons = new java.util.ArrayList<>();
        for (JsonNode n : s) {
          if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 999) {
            throw new InvalidRequestException("seasons must be a list of season numbers (1 and up) or \"all\"");
          }
          seasons.add(n.asInt());
        }
      } else {
        throw new InvalidRequestException("seasons must be a list of season numbers (1 and up) or \"all\"");
      }
    }
    JsonNode k = root.get("is4k");
    if (k != null && !k.isNull() && !k.isBoolean()) {
      throw new InvalidRequestException("is4k must be true or false");
    }
    return new Commands.Request(tmdbId, type, query, year(), seasons, all, k != null && k.asBoolean(false), context());
  }

  private Commands.Context context() throws InvalidRequestException {
    return new Commands.Context(optionalText("language", 35), optionalText("satellite_id", 255),
        optionalText("device_id", 255), optionalText("user_id", 255));
  }

  private dev.overtalkerr.domain.MediaType mediaType() throws InvalidRequestException {
    String t = optionalText("media_type", 10);
    if (t == null) {
      return null;
    }
    return switch (t) {
      case "movie" -> dev.overtalkerr.domain.MediaType.MOVIE;
      case "tv" -> dev.overtalkerr.domain.MediaType.TV;
      default -> throw new InvalidRequestException("media_type must be movie or tv");
    };
  }

  private Integer year() throws InvalidRequestException {
    JsonNode y = root.get("year");
    if (y == null || y.isNull()) {
      return null;
    }
    if (!y.isIntegralNumber() || y.asInt() < 1870 || y.asInt() > 2200) {
      throw new InvalidRequestException("year must be a year such as 1999");
    }
    return y.asInt();
  }

  private int limit() throws InvalidRequestException {
    JsonNode l = root.get("limit");
    if (l == null || l.isNull()) {
      return 5;
    }
    if (!l.isIntegralNumber() || l.asInt() < 1 || l.asInt() > 20) {
      throw new InvalidRequestException("limit must be a whole number from 1 to 20");
    }
    return l.asInt();
  }

  private String optionalText(String field, int max) throws InvalidRequestException {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidRequestException(field + " must be a string");
    }
    if (v.asText().length() > max) {
      throw new InvalidRequestException(field + " is longer than " + max + " characters");
    }
    return v.asText();
  }

  /**
   * When the caller sent the request ({@code sent_at}: Unix seconds, or an ISO-8601 time), if it
   * said so readably; a value that cannot be read is left unused.
   */
  static java.util.Optional<java.time.Instant> sentAt(JsonNode root) {
    JsonNode v = root.get("sent_at");
    try {
      if (v != null && v.isNumber() && v.asDouble() > 0 && v.asDouble() < 1e11) {
        return java.util.Optional.of(java.time.Instant.ofEpochMilli(Math.round(v.asDouble() * 1000)));
      }
      if (v != null && v.isTextual() && v.asText().length() <= 40) {
        return java.util.Optional.of(java.time.OffsetDateTime.parse(v.asText()).toInstant());
      }
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }
}
