package dev.overtalkerr.backend.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/**
 * One request a fake backend received, exactly as it came over the wire, and the status it was
 * answered with.
 *
 * @param method HTTP method
 * @param path the encoded path, e.g. {@code /api/v2/Search/multi/The%20Matrix}
 * @param rawQuery the query string as sent (still encoded), or null
 * @param headers all request headers
 * @param body the request body as text ("" when none)
 * @param status the HTTP status the fake answered (0 when the answer was not decided yet)
 */
public record RecordedCall(String method, String path, String rawQuery, Headers headers, String body, int status) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first value of a header (case-insensitive), or null. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The path with percent-escapes decoded. */
  public String decodedPath() {
    return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Decoded query parameters in order (a '+' stays a '+': only %XX is decoded). */
  public Map<String, List<String>> query() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.computeIfAbsent(decode(name), k -> new ArrayList<>()).add(decode(value));
    }
    return params;
  }

  /** The first value of a query parameter, decoded, or null. */
  public String queryParam(String name) {
    List<String> values = query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The raw (still encoded) values of the query string, for encoding checks. */
  public List<String> rawQueryValues() {
    List<String> values = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        values.add(eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return values;
  }

  /** The body parsed as JSON, or a MissingNode. */
  public JsonNode json() {
    try {
      return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
    } catch (Exception e) {
      return MissingNode.getInstance();
    }
  }

  RecordedCall withStatus(int answered) {
    return new RecordedCall(method, path, rawQuery, headers, body, answered);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + status;
  }
}
