package dev.overtalkerr.backend.fake;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import dev.overtalkerr.domain.BackendFlavour;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks requests against the real OpenAPI spec of a Seerr-family flavour (copied under {@code
 * src/test/resources/specs/}), configured as the research note §6.3 found to match the servers:
 * base path {@code /api/v1}, additional properties ignored, unknown status codes ignored, and
 * unexpected query parameters raised to errors (the servers answer 400 to them). Adds the checks the
 * library cannot make: raw query encoding and the {@code X-Api-Key} header.
 *
 * <p>Loading a spec takes a second or two, so one validator per flavour is shared by the JVM.
 */
public final class SpecValidator {
  private static final Map<BackendFlavour, OpenApiInteractionValidator> CACHE = new EnumMap<>(BackendFlavour.class);
  private static final Pattern ENCODED_VALUE = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*");

  private SpecValidator() {}

  /** The spec file for a flavour. */
  public static String specFile(BackendFlavour flavour) {
    return switch (flavour) {
      case OVERSEERR -> "overseerr-api.yml";
      case JELLYSEERR -> "jellyseerr-api.yml";
      case SEERR -> "seerr-api.yml";
      default -> throw new IllegalArgumentException("no OpenAPI spec for " + flavour);
    };
  }

  static synchronized OpenApiInteractionValidator validator(BackendFlavour flavour) {
    return CACHE.computeIfAbsent(flavour, f -> {
      String url = SpecValidator.class.getResource("/specs/" + specFile(f)).toString();
      LevelResolver levels = LevelResolver.create()
          .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
          .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
          .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
          .build();
      // real responses carry nulls where the spec says non-nullable (serverId, profileId,
      // rootFolder, User.username, tvdbId…): accepted, as the research note §6.3 item 5 advises
      ValidationErrorsWhitelist nulls = ValidationErrorsWhitelist.create().withRule("nulls the servers send",
          WhitelistRules.allOf(WhitelistRules.isResponse(),
              WhitelistRules.messageHasKey("validation.response.body.schema.type"),
              WhitelistRules.messageContainsSubstring("Instance type (null)")));
      return OpenApiInteractionValidator.createForSpecificationUrl(url)
          .withBasePathOverride("/api/v1")
          .withLevelResolver(levels)
          .withWhitelist(nulls)
          .build();
    });
  }

  private static final java.util.Set<BackendFlavour> WARM = java.util.EnumSet.noneOf(BackendFlavour.class);

  /**
   * Loads the flavour's spec and runs one query and one body validation, so that the first real
   * call a fake checks is not slowed down by loading (seconds on a cold JVM, which would eat a
   * client's time budget and make tests flaky).
   */
  public static synchronized void warmUp(BackendFlavour flavour) {
    if (WARM.add(flavour)) {
      okhttp3.Headers h = okhttp3.Headers.of("X-Api-Key", "k", "Content-Type", "application/json");
      problems(flavour, new RecordedCall("GET", "/api/v1/search", "query=x", h, "", 0));
      problems(flavour, new RecordedCall("POST", "/api/v1/request", null, h,
          "{\"mediaType\":\"tv\",\"mediaId\":1,\"seasons\":[1],\"is4k\":false}", 0));
    }
  }

  /** Whether a raw query value is strictly percent-encoded (no '+', no reserved characters). */
  public static boolean strictlyEncoded(String rawValue) {
    return ENCODED_VALUE.matcher(rawValue).matches();
  }

  /**
   * The problems the flavour's server would refuse this call for; empty when it is valid. Each
   * message starts with the validator's key, e.g. {@code validation.request.parameter.query.unexpected}.
   */
  public static List<String> problems(BackendFlavour flavour, RecordedCall call) {
    List<String> problems = new ArrayList<>();
    for (String value : call.rawQueryValues()) {
      if (!strictlyEncoded(value)) {
        problems.add("encoding: query value '" + value + "' must be url encoded (no reserved characters, %20 for space)");
      }
    }
    SimpleRequest.Builder b = new SimpleRequest.Builder(call.method(), call.decodedPath());
    call.query().forEach(b::withQueryParam);
    for (String name : call.headers().names()) {
      b.withHeader(name, call.headers().values(name));
    }
    if (!call.body().isEmpty()) {
      b.withBody(call.body());
    }
    ValidationReport report = validator(flavour).validateRequest(b.build());
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(m.getKey() + ": " + m.getMessage());
      }
    }
    return problems;
  }

  /**
   * Checks a fake's answer against the spec (undocumented fields and status codes ignored, nulls
   * accepted), so that the fixtures stay shaped like what the spec promises.
   */
  public static List<String> responseProblems(BackendFlavour flavour, RecordedCall call, int status, String body) {
    SimpleResponse response = SimpleResponse.Builder.status(status).withContentType("application/json")
        .withBody(body).build();
    ValidationReport report = validator(flavour).validateResponse(call.decodedPath(),
        Request.Method.valueOf(call.method()), response);
    List<String> problems = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(m.getKey() + ": " + m.getMessage());
      }
    }
    return problems;
  }
}
