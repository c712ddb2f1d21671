package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.domain.Availability;
import dev.overtalkerr.domain.MediaItem;
import dev.overtalkerr.domain.MediaType;
import dev.overtalkerr.domain.RequestRecord;
import dev.overtalkerr.domain.Season;
import java.util.Locale;

/** The JSON shapes of titles and requests in MQTT payloads. */
public final class Payloads {
  private Payloads() {}

  static String status(Availability a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  public static ObjectNode candidate(ObjectMapper json, MediaItem item) {
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
