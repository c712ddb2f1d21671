package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Season;
import dev.overtalkerr.logging.Secrets;
import dev.overtalkerr.conversation.Commands;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes replies as the contract's JSON, fields in the contract's order (pinned by the golden files
 * under {@code src/test/resources/contract}). Error messages are masked: no secret reaches a payload.
 */
final class ReplyEncoder {
  private final ObjectMapper json;

  ReplyEncoder(ObjectMapper json) {
    this.json = json;
  }

  byte[] encode(String id, Reply reply) {
    ObjectNode node = json.createObjectNode();
    node.put("id", id);
    node.put("speech", reply.speech());
    node.put("end", reply.end());
    node.put("expect", reply.expect().wire());
    node.put("state", reply.state().wire());
    node.set("candidate", reply.candidate() == null ? null : candidate(json, reply.candidate()));
    node.set("request", reply.request() == null ? null : request(json, reply.request()));
    if (reply.error() == null) {
      node.putNull("error");
    } else {
      node.putObject("error").put("code", reply.error().code()).put("message", Secrets.mask(reply.error().message()));
    }
    return bytes(node);
  }

  byte[] encodeSearch(String id, Commands.SearchResult result) {
    ObjectNode node = json.createObjectNode();
    node.put("id", id);
    node.put("state", result.error() == null ? (result.results().isEmpty() ? "not_found" : "results") : "error");
    var list = node.putArray("results");
    result.results().forEach(item -> list.add(candidate(json, item)));
    if (result.error() == null) {
      node.putNull("error");
    } else {
      node.putObject("error").put("code", result.error().code()).put("message", Secrets.mask(result.error().message()));
    }
    return bytes(node);
  }

  private byte[] bytes(ObjectNode node) {
    try {
      return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a reply", e);
    }
  }

  static String status(Availability a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  static ObjectNode candidate(ObjectMapper json, MediaItem item) {
    ObjectNode c = json.createObjectNode();
    c.put("title", item.title());
    if (item.year() == null) {
      c.putNull("year");
    } else {
      c.put("year", item.year());
    }
    c.put("media_type", item.type().wire());
    c.put("tmdb_id", item.tmdbId());
    c.put("status", status(item.status()));
    c.put("status_4k", status(item.status4k()));
    if (item.type() == MediaType.TV && !item.regularSeasons().isEmpty()) {
      var seasons = c.putArray("seasons");
      for (Season s : item.regularSeasons()) {
        seasons.addObject().put("number", s.number()).put("status", status(s.status())).put("status_4k", status(s.status4k()));
      }
    }
    return c;
  }

  static ObjectNode request(ObjectMapper json, RequestRecord r) {
    ObjectNode n = json.createObjectNode();
    n.put("id", r.id());
    n.put("status", r.status().wire());
    var seasons = n.putArray("seasons");
    r.seasons().forEach(seasons::add);
    n.put("is4k", r.is4k());
    return n;
  }
}
