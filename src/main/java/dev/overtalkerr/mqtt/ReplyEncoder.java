package dev.overtalkerr.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.overtalkerr.conversation.Reply;
import dev.overtalkerr.logging.Secrets;
import dev.overtalkerr.conversation.Commands;
import java.nio.charset.StandardCharsets;

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
    node.set("candidate", reply.candidate() == null ? null : Payloads.candidate(json, reply.candidate()));
    node.set("request", reply.request() == null ? null : Payloads.request(json, reply.request()));
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
    result.results().forEach(item -> list.add(Payloads.candidate(json, item)));
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
}
