package dev.overtalkerr.addon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Offline checks of the Home Assistant app (add-on) under {@code ha-addon/} and the Assist
 * blueprints: what the app linter (frenck/action-addon-linter) and the Supervisor would reject,
 * what Home Assistant would refuse in a sentence trigger, and whether the files follow the
 * daemon's option names and the MQTT contract ({@code docs/assist-contract.md}).
 */
class AddonFilesTest {

    private static final Path ROOT = Path.of("ha-addon");
    private static final Path APP = ROOT.resolve("overtalkerr");
    private static final Path BLUEPRINTS = ROOT.resolve("blueprints");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();

    /** The options the daemon reads from /data/options.json (top level, then inside users). */
    private static final Set<String> DAEMON_OPTIONS = Set.of(
            "media_backend_url", "media_backend_api_key", "media_backend_type", "mock_backend",
            "language", "session_timeout_seconds", "offer_play", "default_backend_user", "users", "mqtt_url",
            "mqtt_username", "mqtt_password", "base_topic", "discovery_prefix", "ha_discovery", "ha_birth_topic",
            "tracking_poll_interval_seconds", "seerr_webhook_port", "seerr_webhook_secret", "log_level", "log_format");
    private static final Set<String> DAEMON_USER_FIELDS = Set.of("ha_user", "satellite", "backend_user", "allow_4k");

    /** The contract's intent hints. */
    private static final Set<String> CONTRACT_INTENTS = Set.of(
            "request", "movie", "show", "season", "confirm", "reject", "next", "cancel", "help", "status");
    /** The fields of a request on {@code <base>/assist/request}. */
    private static final List<String> CONTRACT_REQUEST_FIELDS = List.of(
            "id", "text", "intent", "slots", "language", "satellite_id", "device_id", "user_id", "conversation_id");

    /** Supervisor's option type grammar ({@code supervisor/apps/options.py}, RE_SCHEMA_ELEMENT). */
    private static final Pattern OPTION_TYPE = Pattern.compile(
            "^(?:str(?:\\((?<smin>\\d+)?,(?<smax>\\d+)?\\))?|password(?:\\(\\d*,\\d*\\))?"
                    + "|int(?:\\((?<imin>-?\\d+)?,(?<imax>-?\\d+)?\\))?|float(?:\\([-.\\d]*,[-.\\d]*\\))?"
                    + "|bool|email|url|port|device(?:\\(subsystem=[a-z]+\\))?"
                    + "|list\\((?<list>.+)\\)|match\\((?<match>.*)\\))(?<optional>\\?)?$");

    /** hassil's PUNCTUATION_STR: Home Assistant rejects sentence triggers that contain any of it. */
    private static final Pattern HASSIL_PUNCTUATION = Pattern.compile("[.。,，?¿？؟!¡！;；:：’]");

    /** Bare commands Home Assistant's built-in intents answer (never mind, media player, timers). */
    private static final Set<String> BUILT_IN_SENTENCES = Set.of(
            "cancel", "never mind", "nevermind", "forget it", "stop", "pause", "next", "skip", "play",
            "abbrechen", "vergiss es", "stopp", "weiter", "nächster");

    /** Keys the linter reports as errors, or that give an app more host access than it needs. */
    private static final Set<String> FORBIDDEN_KEYS = Set.of(
            "watchdog", "codenotary", "squash", "advanced", "build_from", "host_network", "privileged",
            "full_access", "docker_api", "devices", "usb", "uart", "gpio", "hassio_role", "auth_api", "ports", "webui");

    // ---------------------------------------------------------------------------------------
    // config.yaml

    @Test
    void configIsValidAgainstTheLinterSchema() throws IOException {
        assertThat(validate(config())).isEmpty();
    }

    @Test
    void schemaValidationCatchesABrokenConfig() throws IOException {
        ObjectNode broken = config().deepCopy();
        broken.put("init", "no");
        broken.put("no_such_key", true);
        broken.remove("slug");
        assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void noKeyIsSetToItsDefaultValue() throws IOException {
        JsonNode properties = linterSchema().get("properties");
        List<String> problems = new ArrayList<>();
        config().fields().forEachRemaining(e -> {
            JsonNode def = properties.path(e.getKey()).get("default");
            if (def != null && def.equals(e.getValue())) {
                problems.add(e.getKey() + " is set to its default " + def + "; remove it");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void noObsoleteOrOverPrivilegedKeys() throws IOException {
        ObjectNode config = config();
        assertThat(fieldNames(config)).doesNotContainAnyElementsOf(FORBIDDEN_KEYS);
        assertThat(Files.exists(APP.resolve("build.yaml")) || Files.exists(APP.resolve("build.json")))
                .as("build.yaml is retired (Supervisor 2026.04); the base image goes into FROM").isFalse();
        if (config.path("ingress").asBoolean(false)) {
            assertThat(config.has("webui")).as("webui together with ingress").isFalse();
        }
    }

    @Test
    void manifestFitsTheDaemonAndTheS6BaseImage() throws IOException {
        ObjectNode config = config();
        assertThat(config.path("arch")).extracting(JsonNode::asText)
                .as("only the architectures the Supervisor still supports").containsExactlyInAnyOrder("aarch64", "amd64");
        assertThat(config.get("version").isTextual()).as("version is a string").isTrue();
        assertThat(config.get("version").asText()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?");
        assertThat(config.get("slug").asText()).matches("[-_.A-Za-z0-9]+");
        assertThat(config.path("init").asBoolean(true)).as("init: false with the s6-overlay v3 base image").isFalse();
        assertThat(config.path("services")).extracting(JsonNode::asText).containsExactly("mqtt:want");
        assertThat(config.path("timeout").asInt(10))
                .as("time to publish offline before SIGKILL").isBetween(15, 300);
        assertThat(config.path("image").asText()).doesNotContain("{arch}");
        assertThat(config.path("homeassistant").asText()).matches("20\\d\\d\\.\\d+\\.\\d+");
        assertThat(config.path("description").asText().length()).isBetween(10, 120);
    }

    @Test
    void optionsAndSchemaMatchTheDaemonsOptionNames() throws IOException {
        ObjectNode config = config();
        assertThat(fieldNames(config.get("schema"))).containsExactlyInAnyOrderElementsOf(DAEMON_OPTIONS);
        JsonNode users = config.get("schema").get("users");
        assertThat(users.isArray() && users.size() == 1).as("users is a list of one dict").isTrue();
        assertThat(fieldNames(users.get(0))).containsExactlyInAnyOrderElementsOf(DAEMON_USER_FIELDS);
        assertThat(fieldNames(config.get("options"))).as("options ⊆ schema")
                .isSubsetOf(fieldNames(config.get("schema")));
    }

    @Test
    void optionalOptionsHaveNoDefaultAndRequiredOnesHaveOne() throws IOException {
        ObjectNode config = config();
        JsonNode options = config.get("options");
        List<String> problems = new ArrayList<>();
        config.get("schema").fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode type = e.getValue();
            if (type.isTextual()) {
                boolean optional = type.asText().endsWith("?");
                if (optional && options.has(key)) {
                    problems.add(key + " is optional (?) but has a default, which makes it required");
                }
                if (!optional && !options.has(key)) {
                    problems.add(key + " is required but has no default: the app would not start until it is set");
                }
            } else if (!options.has(key)) {
                problems.add(key + " (a list) needs a default, e.g. []");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everySchemaTypeIsASupervisorTypeAndEveryDefaultFitsIt() throws IOException {
        ObjectNode config = config();
        List<String> problems = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        config.get("schema").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                types.put(e.getKey(), e.getValue().asText());
            } else {
                e.getValue().get(0).fields().forEachRemaining(f -> types.put(e.getKey() + "." + f.getKey(), f.getValue().asText()));
            }
        });
        types.forEach((key, type) -> {
            if (!OPTION_TYPE.matcher(type).matches()) {
                problems.add(key + ": " + type + " is not a Supervisor option type");
            }
        });
        config.get("options").fields().forEachRemaining(e -> {
            String type = types.get(e.getKey());
            if (type != null) {
                String problem = defaultProblem(type, e.getValue());
                if (problem != null) {
                    problems.add(e.getKey() + ": " + problem);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void defaultCheckRejectsAValueOutsideItsType() {
        assertThat(defaultProblem("int(30,3600)", JsonNodeFactory.instance.numberNode(5))).isNotNull();
        assertThat(defaultProblem("list(en|de)", JsonNodeFactory.instance.textNode("fr"))).isNotNull();
        assertThat(defaultProblem("match(^[a-z]+$)", JsonNodeFactory.instance.textNode("a/b"))).isNotNull();
        assertThat(defaultProblem("bool", JsonNodeFactory.instance.textNode("false"))).isNotNull();
        assertThat(defaultProblem("int(30,3600)", JsonNodeFactory.instance.numberNode(300))).isNull();
    }

    @Test
    void theRepositoryFileIsAtTheRootAndTheAppIsTheOnlyManifest() throws IOException {
        JsonNode repository = readYaml(Path.of("repository.yaml"));
        assertThat(repository.path("name").asText()).isNotBlank();
        assertThat(repository.path("url").asText()).startsWith("https://");
        List<String> tracked = gitFiles();
        assertThat(tracked).as("the Supervisor reads repository.yaml at the root of the repository only")
                .contains("repository.yaml").noneMatch(f -> f.endsWith("/repository.yaml") || f.endsWith("/repository.json"));
        assertThat(tracked.stream().filter(f -> f.matches("(.*/)?config\\.(yaml|yml|json)")))
                .as("one app manifest: the Supervisor takes every config.yaml in the repository for an app")
                .containsExactly(APP.resolve("config.yaml").toString());
    }

    // ---------------------------------------------------------------------------------------
    // Translations and documentation

    @Test
    void translationsCoverEveryOption() throws IOException {
        Map<String, Set<String>> expected = optionTree();
        for (String language : List.of("en", "de")) {
            JsonNode configuration = readYaml(APP.resolve("translations/" + language + ".yaml")).get("configuration");
            assertThat(configuration).as(language).isNotNull();
            assertThat(fieldNames(configuration)).as(language + " translations").containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((option, fields) -> {
                JsonNode entry = configuration.get(option);
                assertThat(entry.path("name").asText()).as(language + " " + option + ".name").isNotBlank();
                assertThat(entry.path("description").asText()).as(language + " " + option + ".description").isNotBlank();
                if (!fields.isEmpty()) {
                    assertThat(fieldNames(entry.get("fields"))).as(language + " " + option + ".fields")
                            .containsExactlyInAnyOrderElementsOf(fields);
                    for (String field : fields) {
                        assertThat(entry.get("fields").get(field).path("name").asText())
                                .as(language + " " + option + "." + field + ".name").isNotBlank();
                    }
                }
            });
        }
    }

    @Test
    void docsMentionEveryOption() throws IOException {
        String docs = Files.readString(APP.resolve("DOCS.md"));
        Set<String> missing = new TreeSet<>();
        optionTree().forEach((option, fields) -> {
            if (!docs.contains("`" + option + "`")) {
                missing.add(option);
            }
            fields.stream().filter(f -> !docs.contains("`" + f + "`")).forEach(f -> missing.add(option + "." + f));
        });
        assertThat(missing).as("options not described in DOCS.md (as `name`)").isEmpty();
        assertThat(docs).contains("/assist/request", "/assist/reply/");
        for (Path blueprint : blueprintFiles()) {
            assertThat(docs).as("DOCS.md gives every blueprint's import address")
                    .contains("`" + readYaml(blueprint).get("blueprint").get("source_url").asText() + "`");
        }
    }

    @Test
    void storeFilesArePresent() throws IOException {
        assertThat(Files.readString(APP.resolve("README.md"))).isNotBlank();
        int[] icon = pngSize(APP.resolve("icon.png"));
        assertThat(icon[0]).as("icon.png is square").isEqualTo(icon[1]);
        int[] logo = pngSize(APP.resolve("logo.png"));
        assertThat(logo[0]).as("logo.png is wide (about 250x100)").isGreaterThan(logo[1] * 2);
        assertThat(logo[0]).isBetween(200, 600);
    }

    @Test
    void theChangelogsTopReleaseIsTheAppsVersion() throws IOException {
        String changelog = Files.readString(APP.resolve("CHANGELOG.md"));
        assertThat(changelog).contains("## [Unreleased]").contains("Keep a Changelog");
        Matcher release = Pattern.compile("(?m)^## \\[(\\d+\\.\\d+\\.\\d+[^\\]]*)]").matcher(changelog);
        assertThat(release.find()).as("a released version in CHANGELOG.md").isTrue();
        String version = config().get("version").asText();
        assertThat(release.group(1)).as("the newest release in CHANGELOG.md is config.yaml's version").isEqualTo(version);
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher pomVersion = Pattern.compile("<artifactId>overtalkerr</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(pomVersion.find()).isTrue();
        assertThat(pomVersion.group(1)).as("the jar's version belongs to the app's").startsWith(version);
    }

    @Test
    void theAppArmorProfileIsNamedAfterTheSlugAndConfinesTheDaemon() throws IOException {
        String text = Files.readString(APP.resolve("apparmor.txt"));
        String profile = text.replaceAll("(?m)^\\s*#(?!include).*$", "");
        String slug = config().get("slug").asText();
        assertThat(text).startsWith("#include <tunables/global>");
        assertThat(profile)
                .contains("profile " + slug + " flags=(attach_disconnected,mediate_deleted) {")
                .contains("/opt/overtalkerr/overtalkerr cx -> ")
                .contains("/data/** rw", "network inet stream")
                .as("complain mode is for development only").doesNotContain("complain");
        assertThat(balanced(profile.replaceAll("#include <[^>]*>", ""))).as("braces balance").isTrue();
        assertThat(config().has("apparmor")).as("apparmor: true is the default; the file is enough").isFalse();
        assertThat(config().path("backup_exclude")).extracting(JsonNode::asText).as("the launcher's start-up archives")
                .contains("overtalkerr-*.jsa", "overtalkerr-*.aot");
    }

    // ---------------------------------------------------------------------------------------
    // Dockerfile and the s6 service

    @Test
    void theDockerfileBuildsTheJarFromTheSourcesAndATrimmedRuntime() throws IOException {
        List<String> lines = dockerInstructions();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).collect(Collectors.toList());
        assertThat(froms).as("jar, runtime and app stages").hasSize(3);
        assertThat(froms.get(0)).as("the jar is built once, on the build machine's platform")
                .startsWith("FROM --platform=$BUILDPLATFORM maven:").endsWith(" AS jar");
        assertThat(froms.get(2)).as("the app stage: Home Assistant's base image, pinned")
                .matches("FROM [a-z0-9.-]+(/[a-z0-9._-]+)+:[0-9][0-9A-Za-z._-]*");
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain("BUILD_FROM")
                .contains("mvn -B -q -Dmaven.test.skip=true package")
                .contains("jdeps --ignore-missing-deps --print-module-deps")
                .contains("jlink")
                .contains("COPY --from=runtime /opt/java /opt/java")
                .contains("COPY --from=jar /overtalkerr.jar /opt/overtalkerr/overtalkerr.jar")
                .contains("COPY bin/overtalkerr /opt/overtalkerr/overtalkerr")
                .contains("COPY ha-addon/overtalkerr/rootfs /");
        assertThat(lines).filteredOn(l -> l.startsWith("HEALTHCHECK")).singleElement()
                .satisfies(h -> assertThat(h).contains("/opt/overtalkerr/overtalkerr\", \"health\"").doesNotContain("http"));
        assertThat(all).as("the heartbeat the HEALTHCHECK reads").contains("OVERTALKERR_HEARTBEAT=/tmp/overtalkerr.heartbeat");
    }

    @Test
    void everyFileTheDockerfileCopiesIsInGitOrBuiltInAnEarlierStage() throws IOException {
        List<String> tracked = gitFiles();
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        assertThat(ignore.get(0)).as(".dockerignore sends nothing but what it lets through").isEqualTo("*");
        Set<String> stages = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        int copies = 0;
        for (String line : dockerInstructions()) {
            Matcher from = Pattern.compile("^FROM .* AS ([a-z0-9_-]+)$").matcher(line);
            if (from.matches()) {
                stages.add(from.group(1));
            }
            if (!line.startsWith("COPY ")) {
                continue;
            }
            copies++;
            List<String> words = new ArrayList<>(List.of(line.substring(5).trim().split("\\s+")));
            String stage = null;
            while (words.get(0).startsWith("--")) {
                String flag = words.remove(0);
                if (flag.startsWith("--from=")) {
                    stage = flag.substring(7);
                }
            }
            List<String> sources = words.subList(0, words.size() - 1);
            if (stage != null) {
                if (!stages.contains(stage)) {
                    problems.add(line + ": no earlier stage " + stage);
                }
                continue;
            }
            for (String source : sources) {
                String path = source.replaceAll("/+$", "");
                if (tracked.stream().noneMatch(f -> f.equals(path) || f.startsWith(path + "/"))) {
                    problems.add(line + ": " + path + " is not in git (a clean clone cannot build it)");
                }
                if (ignore.stream().noneMatch(l -> l.startsWith("!") && (path + "/").startsWith(l.substring(1).replaceAll("/+$", "") + "/"))) {
                    problems.add(line + ": " + path + " is left out of the build context by .dockerignore");
                }
            }
        }
        assertThat(copies).isGreaterThanOrEqualTo(4);
        assertThat(problems).isEmpty();
    }

    @Test
    void theWorkflowsLintTheAppAndBuildItWithHomeAssistantsBuilder() throws IOException {
        JsonNode lint = readYaml(Path.of(".github/workflows/lint.yaml"));
        assertThat(findAll(lint, n -> n.path("uses").asText().startsWith("frenck/action-addon-linter@")))
                .singleElement().satisfies(step -> assertThat(step.path("with").path("path").asText()).isEqualTo("./" + APP));
        JsonNode builder = readYaml(Path.of(".github/workflows/builder.yaml"));
        List<String> actions = findAll(builder, n -> n.has("uses")).stream().map(n -> n.get("uses").asText()).collect(Collectors.toList());
        assertThat(actions).anyMatch(a -> a.startsWith("home-assistant/builder/actions/prepare-multi-arch-matrix@"))
                .anyMatch(a -> a.startsWith("home-assistant/builder/actions/publish-multi-arch-manifest@"));
        assertThat(findAll(builder, n -> n.path("uses").asText().startsWith("home-assistant/builder/actions/build-image@")))
                .singleElement().satisfies(step -> {
                    assertThat(step.path("with").path("context").asText()).as("the jar is built from the sources at the root").isEqualTo(".");
                    assertThat(step.path("with").path("file").asText()).endsWith(APP + "/Dockerfile");
                });
        assertThat(builder.path("env").path("APP").asText()).isEqualTo(APP.toString());
        JsonNode ci = readYaml(Path.of(".github/workflows/ci.yaml"));
        assertThat(findAll(ci, n -> n.has("run")).stream().map(n -> n.get("run").asText())).contains("bash .ci/run");
    }

    @Test
    void s6GivesTheDaemonTimeToSayOfflineWithinTheStopTimeout() throws IOException {
        String dockerfile = Files.readString(APP.resolve("Dockerfile"));
        long services = envMillis(dockerfile, "S6_SERVICES_GRACETIME", 3000);
        long kill = envMillis(dockerfile, "S6_KILL_GRACETIME", 3000);
        assertThat(services).as("s6's default 3 s is too short for a clean MQTT shutdown").isGreaterThanOrEqualTo(10_000);
        assertThat(services + kill).as("s6 must finish before the Supervisor's SIGKILL")
                .isLessThan(config().path("timeout").asLong(10) * 1000);
    }

    private static long envMillis(String dockerfile, String name, long s6Default) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\d+)").matcher(dockerfile);
        return m.find() ? Long.parseLong(m.group(1)) : s6Default;
    }

    @Test
    void s6ServiceRunsTheDaemonWithTheAddonOptions() throws IOException {
        Path service = APP.resolve("rootfs/etc/s6-overlay/s6-rc.d/overtalkerr");
        assertThat(Files.readString(service.resolve("type")).strip()).isEqualTo("longrun");
        assertThat(APP.resolve("rootfs/etc/s6-overlay/s6-rc.d/user/contents.d/overtalkerr")).exists();
        for (String script : List.of("run", "finish")) {
            Path file = service.resolve(script);
            assertThat(Files.isExecutable(file)).as(script + " is executable").isTrue();
            assertThat(Files.readAllLines(file).get(0)).isEqualTo("#!/command/with-contenv bashio");
        }
        String run = Files.readString(service.resolve("run"));
        assertThat(run).contains("exec /opt/overtalkerr/overtalkerr --addon-options /data/options.json",
                "OVERTALKERR_DATA_DIR=/data", "OVERTALKERR_CACHE_DIR=/data", "bashio::services.available 'mqtt'", "exit 1");
        assertThat(run).as("the launcher owns the JVM flags").doesNotContain("exec java");
        List<String> leaks = run.lines()
                .filter(l -> l.contains("bashio::log") || l.contains("echo"))
                .filter(l -> l.toLowerCase().contains("password") && l.contains("$")
                        || l.contains("MQTT_USERNAME") || l.contains("API_KEY"))
                .collect(Collectors.toList());
        assertThat(leaks).as("log lines that would print credentials").isEmpty();
        assertThat(run).doesNotContain("set -x");
    }

    // ---------------------------------------------------------------------------------------
    // Blueprints

    @Test
    void everyBlueprintParsesAndUsesExactlyItsInputs() throws IOException {
        List<Path> files = blueprintFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            JsonNode blueprint = readYaml(file);
            JsonNode meta = blueprint.get("blueprint");
            assertThat(meta).as(file + " has a blueprint section").isNotNull();
            assertThat(meta.path("domain").asText()).as(file.toString()).isIn("automation", "script");
            assertThat(meta.path("name").asText()).as(file.toString()).isNotBlank();
            assertThat(meta.path("source_url").asText()).as(file.toString()).endsWith("/" + file.getFileName());
            assertThat(meta.path("homeassistant").path("min_version").asText())
                    .as(file + ": ask_question needs 2025.7, the app 2025.10, inline ranges in sentence triggers 2026.7")
                    .isEqualTo(isRangeVariant(file) ? RANGES_MIN_VERSION : config().get("homeassistant").asText());
            Map<String, JsonNode> declared = declaredInputs(meta.get("input"));
            Set<String> used = new TreeSet<>();
            ObjectNode body = ((ObjectNode) blueprint).deepCopy();
            body.remove("blueprint");
            walk(body, node -> {
                if (node.isObject() && node.size() == 1 && node.has("!input")) {
                    used.add(node.get("!input").asText());
                }
            });
            assertThat(used).as(file + ": !input references must be declared").isSubsetOf(declared.keySet());
            assertThat(declared.keySet()).as(file + ": declared inputs must be used").isSubsetOf(used);
            declared.forEach((name, input) -> assertThat(input.has("selector")).as(file + " " + name + " selector").isTrue());
        }
    }

    @Test
    void everyBlueprintPublishesTheContractRequestAndWaitsForItsReply() throws IOException {
        for (Path file : automationBlueprints()) {
            if (isItsReady(file)) {
                continue; // follows the event entity; sends no request
            }
            JsonNode blueprint = readYaml(file);
            List<JsonNode> publishes = findAll(blueprint, n -> "mqtt.publish".equals(n.path("action").asText()));
            List<JsonNode> requests = publishes.stream()
                    .filter(p -> p.path("data").path("topic").asText().endsWith("/assist/request")).collect(Collectors.toList());
            assertThat(requests).as(file + " publishes to <base>/assist/request").isNotEmpty();
            for (JsonNode publish : requests) {
                JsonNode data = publish.get("data");
                assertThat(data.path("topic").asText()).as(file.toString()).isEqualTo("{{ base }}/assist/request");
                assertThat(data.path("qos").asInt(-1)).as(file + " QoS 1").isEqualTo(1);
                assertThat(data.path("retain").asBoolean(true)).as(file + " not retained").isFalse();
                String payload = data.path("payload").asText();
                for (String field : CONTRACT_REQUEST_FIELDS) {
                    assertThat(payload).as(file + " request field " + field).contains("'" + field + "':");
                }
                assertThat(payload).as(file + " payload is JSON").contains("| to_json");
            }
            List<JsonNode> waits = findAll(blueprint, n -> n.has("wait_for_trigger"));
            assertThat(waits).as(file + " waits for the reply").isNotEmpty();
            for (JsonNode wait : waits) {
                JsonNode trigger = wait.get("wait_for_trigger").get(0);
                assertThat(trigger.path("trigger").asText()).isEqualTo("mqtt");
                assertThat(trigger.path("topic").asText()).as(file.toString()).isEqualTo("{{ base }}/assist/reply/{{ req_id }}");
                assertThat(wait.has("timeout")).as(file + " wait has a timeout").isTrue();
                assertThat(wait.path("continue_on_timeout").asBoolean(false)).as(file.toString()).isTrue();
            }
            JsonNode base = readInputDefault(blueprint, "base_topic");
            assertThat(base.asText()).as(file + " base_topic default = the app's")
                    .isEqualTo(config().get("options").get("base_topic").asText());
            assertThat(blueprint.path("variables").path("base")).as(file + " base is bound from the input")
                    .isEqualTo(inputRef("base_topic"));
            assertThat(blueprint.path("mode").asText()).as(file.toString()).isEqualTo("parallel");
        }
    }

    @Test
    void sentenceTriggerBlueprintsAnswerWithTheReplyOrAFallback() throws IOException {
        for (Path file : conversationBlueprints()) {
            JsonNode blueprint = readYaml(file);
            List<JsonNode> responses = findAll(blueprint, n -> n.has("set_conversation_response"));
            assertThat(responses).as(file + " sets the conversation response").hasSize(1);
            String response = responses.get(0).get("set_conversation_response").asText();
            assertThat(response).contains("reply.speech").contains("fallback_speech");
            assertThat(readInputDefault(blueprint, "fallback_speech").asText()).isNotBlank();
            assertThat(blueprint.has("conditions"))
                    .as(file + ": a failing condition makes Assist answer \"Done\"; use if/choose").isFalse();
            for (JsonNode trigger : blueprint.get("triggers")) {
                assertThat(trigger.path("trigger").asText()).isEqualTo("conversation");
                assertThat(trigger.path("id").asText()).as(file + " trigger id is a contract intent").isIn(CONTRACT_INTENTS);
                assertThat(trigger.get("command")).as(file + " sentences come from an input").isNotNull();
                assertThat(trigger.get("command").has("!input")).isTrue();
            }
        }
    }

    @Test
    void sentenceTemplatesAreAcceptedByHomeAssistant() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : blueprintFiles()) {
            JsonNode blueprint = readYaml(file);
            Map<String, JsonNode> inputs = declaredInputs(blueprint.get("blueprint").get("input"));
            for (JsonNode trigger : blueprint.path("triggers")) {
                if (!"conversation".equals(trigger.path("trigger").asText())) {
                    continue;
                }
                JsonNode input = inputs.get(trigger.path("command").path("!input").asText());
                JsonNode sentences = input == null ? null : input.get("default");
                if (sentences == null || !sentences.isArray() || sentences.isEmpty()) {
                    problems.add(file + " " + trigger.get("id") + ": at least one sentence is required");
                    continue;
                }
                boolean ranges = isRangeVariant(file);
                sentences.forEach(s -> sentenceProblems(ranges ? withoutSeasonRanges(s) : s, "sentence trigger")
                        .forEach(p -> problems.add(file + ": " + p)));
            }
            // the ask-question answers of the satellite bridge
            findAll(blueprint, n -> n.has("sentences") && n.has("id")).forEach(answer -> {
                if (!CONTRACT_INTENTS.contains(answer.get("id").asText())) {
                    problems.add(file + ": answer id " + answer.get("id") + " is not a contract intent");
                }
                answer.get("sentences").forEach(s -> sentenceProblems(s, "answer").forEach(p -> problems.add(file + ": " + p)));
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void sentenceCheckRejectsWhatHomeAssistantRejects() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertThat(sentenceProblems(f.textNode("download season {1..10:season} of {title}"), "t")).isNotEmpty();
        assertThat(sentenceProblems(f.textNode("download {title}?"), "t")).isNotEmpty();
        assertThat(sentenceProblems(f.textNode("{title}"), "sentence trigger")).isNotEmpty();
        assertThat(sentenceProblems(f.textNode("download (the|a {title}"), "t")).isNotEmpty();
        assertThat(sentenceProblems(f.booleanNode(true), "t")).isNotEmpty();
        assertThat(sentenceProblems(f.textNode("never mind"), "sentence trigger")).isNotEmpty();
        assertThat(sentenceProblems(f.textNode("never mind"), "answer")).isEmpty();
        assertThat(sentenceProblems(f.textNode("download [the] (movie|film) {title} in 4k"), "t")).isEmpty();
    }

    /** Inline number ranges in sentence triggers: core PR #173111, in Home Assistant 2026.7. */
    private static final String RANGES_MIN_VERSION = "2026.7.0";

    private static boolean isRangeVariant(Path file) {
        return file.getFileName().toString().startsWith("voice_requests_ranges_");
    }

    /** The range variant's only range, {1..60:season}, as the plain slot the other checks know. */
    private static JsonNode withoutSeasonRanges(JsonNode sentence) {
        return sentence.isTextual()
                ? JsonNodeFactory.instance.textNode(sentence.asText().replace("{1..60:season}", "{season}"))
                : sentence;
    }

    @Test
    void theRangeVariantsDifferOnlyInTheirSeasonSentencesAndVersion() throws IOException {
        for (String language : List.of("en", "de")) {
            ObjectNode base = (ObjectNode) readYaml(blueprintPath("voice_requests_" + language + ".yaml")).deepCopy();
            ObjectNode ranges = (ObjectNode) readYaml(blueprintPath("voice_requests_ranges_" + language + ".yaml")).deepCopy();
            List<String> baseSentences = new ArrayList<>();
            readInputDefault(base, "request_sentences").forEach(n -> baseSentences.add(n.asText()));
            List<String> rangeSentences = new ArrayList<>();
            readInputDefault(ranges, "request_sentences").forEach(n -> rangeSentences.add(n.asText()));
            assertThat(rangeSentences).hasSameSizeAs(baseSentences);
            long withRange = rangeSentences.stream().filter(t -> t.contains("{1..60:season}")).count();
            assertThat(withRange).as(language + ": season numbers as ranges").isGreaterThanOrEqualTo(3);
            assertThat(String.join("\n", rangeSentences)).as("only {1..60:season} is a range; the rest stays as it was")
                    .doesNotContain("{season}");
            for (int i = 0; i < baseSentences.size(); i++) {
                if (!baseSentences.get(i).contains("{season}")) {
                    assertThat(rangeSentences.get(i)).as(language + " sentence " + i).isEqualTo(baseSentences.get(i));
                }
            }
            for (ObjectNode b : List.of(base, ranges)) {
                ObjectNode meta = (ObjectNode) b.get("blueprint");
                meta.remove(List.of("name", "source_url", "homeassistant"));
                ((ObjectNode) declaredInputs(meta.get("input")).get("request_sentences")).remove("default");
            }
            assertThat(ranges).as(language + ": everything else is the same as voice_requests_" + language).isEqualTo(base);
        }
    }

    @Test
    void englishAndGermanBlueprintsHaveTheSameShape() throws IOException {
        for (String kind : List.of("voice_requests", "voice_requests_ranges", "follow_up_answers")) {
            JsonNode en = readYaml(blueprintPath(kind + "_en.yaml"));
            JsonNode de = readYaml(blueprintPath(kind + "_de.yaml"));
            assertThat(declaredInputs(de.get("blueprint").get("input")).keySet())
                    .isEqualTo(declaredInputs(en.get("blueprint").get("input")).keySet());
            assertThat(de.get("triggers")).isEqualTo(en.get("triggers"));
            assertThat(de.get("actions")).as(kind + ": the same actions in both languages").isEqualTo(en.get("actions"));
            assertThat(de.get("variables")).isEqualTo(en.get("variables"));
            assertThat(readInputDefault(de, "language").asText()).isEqualTo("de");
            assertThat(readInputDefault(en, "language").asText()).isEqualTo("en");
        }
    }

    @Test
    void satelliteBridgeHandlesTheEventTheOtherBlueprintsFire() throws IOException {
        JsonNode bridge = readYaml(blueprintPath("satellite_follow_ups.yaml"));
        JsonNode trigger = bridge.get("triggers").get(0);
        assertThat(trigger.path("trigger").asText()).isEqualTo("event");
        String event = trigger.path("event_type").asText();
        assertThat(findAll(bridge, n -> "assist_satellite.ask_question".equals(n.path("action").asText())))
                .singleElement().satisfies(ask -> {
                    assertThat(ask.path("continue_on_error").asBoolean()).as("silence is an error").isTrue();
                    assertThat(ask.path("response_variable").asText()).isEqualTo("answer");
                });
        assertThat(findAll(bridge, n -> n.has("wait_template"))).as("waits until the satellite is idle")
                .anySatisfy(w -> assertThat(w.get("wait_template").asText()).contains("'idle'"));
        for (Path file : conversationBlueprints()) {
            List<JsonNode> fired = findAll(readYaml(file), n -> n.has("event") && n.has("event_data"));
            assertThat(fired).as(file + " hands questions to the bridge").singleElement()
                    .satisfies(e -> assertThat(e.get("event").asText()).isEqualTo(event))
                    .satisfies(e -> assertThat(fieldNames(e.get("event_data")))
                            .isEqualTo(fieldNames(findAll(bridge, n -> n.has("event_data")).get(0).get("event_data"))));
        }
    }

    @Test
    void everyTurnGetsItsOwnRequestIdEvenWhenASatelliteReusesItsContext() throws IOException {
        for (Path file : blueprintFiles()) {
            JsonNode blueprint = readYaml(file);
            JsonNode reqId = findAll(blueprint, n -> n.has("req_id")).stream().map(n -> n.get("req_id"))
                    .filter(JsonNode::isTextual).findFirst().orElse(null);
            if (reqId == null) {
                continue;
            }
            String template = reqId.asText();
            assertThat(template).as(file + ": the time of the run").contains("now().timestamp()")
                    .as(file + ": a random part").contains("| random")
                    .as(file + ": within the contract's 64 characters").contains(")[:64] }}");
            assertThat(blueprint.path("variables").has("req_id") || findAll(blueprint, n -> n.has("req_id")).size() == 1)
                    .as(file + ": rendered once per run, so that only a redelivery repeats it").isTrue();
        }
    }

    @Test
    void askQuestionIsNeverSentAnEmptyQuestion() throws IOException {
        JsonNode bridge = readYaml(blueprintPath("satellite_follow_ups.yaml"));
        JsonNode variables = bridge.get("variables");
        assertThat(variables.path("question").asText()).as("the question falls back to the cue").endsWith("{{ q if q else cue }}");
        String accepted = bridge.get("conditions").toString();
        for (String language : List.of("en", "de")) {
            JsonNode cues = variables.path("cues").path(language);
            for (String expect : List.of("confirm", "play", "season", "media_type", "title")) {
                assertThat(accepted).as("the bridge takes expect " + expect).contains("'" + expect + "'");
                assertThat(cues.path(expect).asText()).as(language + " cue for " + expect).isNotBlank();
            }
        }
        assertThat(findAll(bridge, n -> "assist_satellite.ask_question".equals(n.path("action").asText())).get(0)
                .path("data").path("question").asText()).isEqualTo("{{ question }}");
    }

    @Test
    void aYesToPlayingItPlaysItInTheRoomOrSaysThereIsNoPlayer() throws IOException {
        for (Path file : automationBlueprints()) {
            JsonNode blueprint = readYaml(file);
            if (findAll(blueprint, n -> n.has("wait_for_trigger")).isEmpty()) {
                continue;
            }
            String text = blueprint.toString();
            assertThat(text).as(file + " acts on state play").contains("reply.state | default('') == 'play'");
            assertThat(text).as(file + " looks for a player in the area").contains("area_entities(area)", "media_player[.]");
            List<JsonNode> search = findAll(blueprint, n -> "media_player.search_media".equals(n.path("action").asText()));
            List<JsonNode> play = findAll(blueprint, n -> "media_player.play_media".equals(n.path("action").asText()));
            assertThat(search).as(file.toString()).singleElement().satisfies(a -> {
                assertThat(a.path("continue_on_error").asBoolean()).as("a player without search").isTrue();
                assertThat(a.path("response_variable").asText()).isEqualTo("found");
                assertThat(a.path("data").path("search_query").asText()).isEqualTo("{{ reply.candidate.title }}");
            });
            assertThat(play).as(file.toString()).singleElement().satisfies(a -> {
                assertThat(a.path("continue_on_error").asBoolean()).isTrue();
                assertThat(a.path("data").path("media_content_id").asText()).contains("match.media_content_id", "reply.candidate.title");
            });
            assertThat(text).as(file + " apologises when the room has no player").contains("no_player_speech");
        }
        for (String language : List.of("en", "de")) {
            assertThat(readInputDefault(readYaml(blueprintPath("voice_requests_" + language + ".yaml")), "no_player_speech").asText())
                    .isNotBlank();
        }
    }

    @Test
    void noUnquotedYaml11Booleans() throws IOException {
        // Home Assistant loads YAML 1.1: an unquoted yes/no/on/off becomes true/false, which
        // breaks a sentence list ("yes" would no longer be a sentence).
        Pattern bare = Pattern.compile("^\\s*(?:-\\s+|[A-Za-z0-9_]+:\\s+)(?i:y|n|yes|no|on|off)\\s*(?:#.*)?$");
        List<String> problems = new ArrayList<>();
        List<Path> yamlFiles = new ArrayList<>(blueprintFiles());
        yamlFiles.add(APP.resolve("config.yaml"));
        for (Path file : yamlFiles) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (bare.matcher(lines.get(i)).matches()) {
                    problems.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------------------------------
    // helpers

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> dockerInstructions() throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(APP.resolve("Dockerfile"))) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && current.length() == 0) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                result.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return result;
    }

    /** The files in git (a clean clone has exactly these). */
    static List<String> gitFiles() throws IOException {
        Process git = new ProcessBuilder("git", "ls-files").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(git.waitFor()).as("git ls-files: " + out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    }

    private static int[] pngSize(Path file) throws IOException {
        byte[] png = Files.readAllBytes(file);
        assertThat(png).as(file + " is a PNG").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(png, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
    }

    private static List<Error> validate(JsonNode config) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Schema schema = registry.getSchema(linterSchemaForJava());
        return schema.validate(config);
    }

    private static JsonNode linterSchema() throws IOException {
        try (InputStream in = AddonFilesTest.class.getResourceAsStream("/schemas/ha-app-config.schema.json")) {
            assertThat(in).as("vendored schema").isNotNull();
            return JSON.readTree(in);
        }
    }

    /** The schema's patterns are Python regular expressions; Java spells named groups (?<name>). */
    private static JsonNode linterSchemaForJava() throws IOException {
        JsonNode schema = linterSchema();
        walk(schema, node -> {
            if (node.isObject() && node.path("pattern").isTextual()) {
                ((ObjectNode) node).put("pattern", node.get("pattern").asText().replace("(?P<", "(?<"));
            }
        });
        return schema;
    }

    private static ObjectNode config() throws IOException {
        return (ObjectNode) readYaml(APP.resolve("config.yaml"));
    }

    /** Top-level option names with, for lists of dicts, their field names. */
    private static Map<String, Set<String>> optionTree() throws IOException {
        Map<String, Set<String>> tree = new LinkedHashMap<>();
        config().get("schema").fields().forEachRemaining(e -> tree.put(e.getKey(),
                e.getValue().isArray() ? fieldNames(e.getValue().get(0)) : Set.of()));
        return tree;
    }

    /** Null when {@code value} is a valid default for the Supervisor option {@code type}. */
    static String defaultProblem(String type, JsonNode value) {
        Matcher m = OPTION_TYPE.matcher(type);
        if (!m.matches()) {
            return "unknown type " + type;
        }
        if (type.startsWith("bool")) {
            return value.isBoolean() ? null : value + " is not a boolean";
        }
        if (type.startsWith("int")) {
            if (!value.isIntegralNumber()) {
                return value + " is not an integer";
            }
            long v = value.asLong();
            if (m.group("imin") != null && v < Long.parseLong(m.group("imin"))
                    || m.group("imax") != null && v > Long.parseLong(m.group("imax"))) {
                return v + " is outside " + type;
            }
            return null;
        }
        if (!value.isTextual()) {
            return value + " is not a string";
        }
        if (m.group("list") != null) {
            return List.of(m.group("list").split("\\|")).contains(value.asText()) ? null : value + " is not in " + type;
        }
        if (m.group("match") != null) {
            return Pattern.compile(m.group("match")).matcher(value.asText()).matches() ? null : value + " does not match " + type;
        }
        return null;
    }

    private static List<String> sentenceProblems(JsonNode sentence, String kind) {
        List<String> problems = new ArrayList<>();
        if (!sentence.isTextual()) {
            problems.add(sentence + " is not a string");
            return problems;
        }
        String s = sentence.asText();
        if (s.isBlank()) {
            problems.add("empty sentence");
        }
        if (HASSIL_PUNCTUATION.matcher(s).find()) {
            problems.add("\"" + s + "\" contains punctuation (ranges such as {1..9:n} count too)");
        }
        Matcher list = Pattern.compile("\\{([^}]*)}").matcher(s);
        while (list.find()) {
            // {title} and {season} travel as slots; {year} and {decade} only shape the sentence (the
            // daemon reads them from the text)
            if (!Set.of("title", "season", "year", "decade").contains(list.group(1))) {
                problems.add("\"" + s + "\" uses {" + list.group(1) + "}; only {title}, {season}, {year} and {decade} are known");
            }
        }
        if (!balanced(s)) {
            problems.add("\"" + s + "\" has unbalanced brackets");
        }
        if ("sentence trigger".equals(kind) && BUILT_IN_SENTENCES.contains(s.strip().toLowerCase())) {
            problems.add("\"" + s + "\" is one of Home Assistant's own commands; a sentence trigger would take it over");
        }
        if ("sentence trigger".equals(kind) && s.replaceAll("\\{[^}]*}|[\\[\\]()|\\s]", "").isEmpty()) {
            problems.add("\"" + s + "\" is only a wildcard and would catch every command");
        }
        return problems;
    }

    private static boolean balanced(String s) {
        StringBuilder stack = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '(', '[', '{' -> stack.append(c);
                case ')', ']', '}' -> {
                    char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (stack.length() == 0 || stack.charAt(stack.length() - 1) != open) {
                        return false;
                    }
                    stack.setLength(stack.length() - 1);
                }
                default -> { }
            }
        }
        return stack.length() == 0;
    }

    @Test
    void itsReadyAnnouncesAnArrivalOnTheSatelliteThatAskedOrNotifiesInBothLanguages() throws IOException {
        List<Path> files = blueprintFiles().stream().filter(AddonFilesTest::isItsReady).collect(Collectors.toList());
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("its_ready_de.yaml", "its_ready_en.yaml");
        for (Path file : files) {
            JsonNode blueprint = readYaml(file);
            assertThat(readInputDefault(blueprint, "request_events").asText())
                    .as(file + ": the default is the event entity Overtalkerr announces")
                    .isEqualTo("event.overtalkerr_request_events");
            JsonNode trigger = blueprint.get("triggers").get(0);
            assertThat(trigger.path("trigger").asText()).isEqualTo("state");
            assertThat(trigger.get("entity_id")).isEqualTo(inputRef("request_events"));
            String text = Files.readString(file);
            assertThat(text).as(file + ": only arrivals, never a state restored after a restart")
                    .contains("event_type == 'available'").contains("trigger.from_state.state not in ['unavailable', 'unknown']");
            List<JsonNode> announce = findAll(blueprint, n -> "assist_satellite.announce".equals(n.path("action").asText()));
            assertThat(announce).as(file + " announces on the satellite").hasSize(1);
            assertThat(announce.get(0).path("target").path("entity_id").asText()).isEqualTo("{{ satellite }}");
            assertThat(findAll(blueprint, n -> "{{ notify_action | trim }}".equals(n.path("action").asText())))
                    .as(file + " notifies otherwise").hasSize(1);
            assertThat(blueprint.path("variables").path("satellite").asText()).contains("satellite_id");
            assertThat(blueprint.path("variables").path("is_quiet").asText()).contains("quiet_start").contains("quiet_end");
            assertThat(readInputDefault(blueprint, "quiet_start").asText()).matches("\\d\\d:\\d\\d:\\d\\d");
            assertThat(blueprint.path("mode").asText()).isEqualTo("queued");
        }
        assertThat(Files.readString(blueprintPath("its_ready_de.yaml"))).contains("ist jetzt da");
        assertThat(Files.readString(blueprintPath("its_ready_en.yaml"))).contains("is ready to watch");
    }

    private static boolean isItsReady(Path file) {
        return file.getFileName().toString().startsWith("its_ready_");
    }

    private static List<Path> blueprintFiles() throws IOException {
        try (Stream<Path> files = Files.walk(BLUEPRINTS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
    }

    /** The automation blueprints (Assist); the script blueprints are tools for assistants. */
    private static List<Path> automationBlueprints() throws IOException {
        return blueprintFiles().stream().filter(p -> p.toString().contains("/automation/")).collect(Collectors.toList());
    }

    private static List<Path> conversationBlueprints() throws IOException {
        List<Path> result = new ArrayList<>();
        for (Path file : blueprintFiles()) {
            JsonNode triggers = readYaml(file).path("triggers");
            if (triggers.size() > 0 && "conversation".equals(triggers.get(0).path("trigger").asText())) {
                result.add(file);
            }
        }
        assertThat(result).hasSizeGreaterThanOrEqualTo(4);
        return result;
    }

    private static Path blueprintPath(String name) throws IOException {
        return blueprintFiles().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no blueprint " + name));
    }

    /** Inputs by name; sections ({@code name, input: {...}}) are flattened. */
    private static Map<String, JsonNode> declaredInputs(JsonNode inputs) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (inputs != null) {
            inputs.fields().forEachRemaining(e -> {
                if (e.getValue().has("input")) {
                    result.putAll(declaredInputs(e.getValue().get("input")));
                } else {
                    result.put(e.getKey(), e.getValue());
                }
            });
        }
        return result;
    }

    private static JsonNode readInputDefault(JsonNode blueprint, String input) {
        JsonNode declared = declaredInputs(blueprint.get("blueprint").get("input")).get(input);
        assertThat(declared).as("input " + input).isNotNull();
        return declared.path("default");
    }

    private static JsonNode inputRef(String name) {
        return JsonNodeFactory.instance.objectNode().put("!input", name);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<JsonNode> findAll(JsonNode root, java.util.function.Predicate<JsonNode> test) {
        List<JsonNode> found = new ArrayList<>();
        walk(root, n -> {
            if (n.isObject() && test.test(n)) {
                found.add(n);
            }
        });
        return found;
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visitor) {
        visitor.accept(node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            walk(it.next(), visitor);
        }
    }

    /**
     * Reads YAML into a tree, keeping Home Assistant's {@code !input name} tag as the object
     * {@code {"!input": "name"}} (plain Jackson would drop the tag). Any other tag fails: a
     * blueprint may not use {@code !secret} or {@code !include}.
     */
    static JsonNode readYaml(Path file) throws IOException {
        try (YAMLParser parser = YAML.createParser(Files.readString(file, StandardCharsets.UTF_8))) {
            JsonToken first = parser.nextToken();
            assertThat(first).as(file + " is empty").isNotNull();
            JsonNode node = readNode(parser, file);
            assertThat(parser.nextToken()).as(file + " has a single document").isNull();
            return node;
        }
    }

    private static JsonNode readNode(YAMLParser parser, Path file) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String tag = parser.getTypeId();
        JsonToken token = parser.currentToken();
        if (tag != null && !tag.startsWith("tag:yaml.org")) {
            assertThat(tag).as(file + ": unsupported YAML tag at " + parser.currentLocation()).isEqualTo("input");
            assertThat(token).as(file + ": !input takes a name").isEqualTo(JsonToken.VALUE_STRING);
            return f.objectNode().put("!input", parser.getText());
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = f.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    assertThat(object.has(name)).as(file + ": duplicate key " + name).isFalse();
                    parser.nextToken();
                    object.set(name, readNode(parser, file));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = f.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readNode(parser, file));
                }
                return array;
            }
            case VALUE_STRING:
                return f.textNode(parser.getText());
            case VALUE_NUMBER_INT: // the same node classes as ObjectMapper.readTree, so equals() works
                return parser.getNumberType() == JsonParser.NumberType.INT
                        ? f.numberNode(parser.getIntValue()) : f.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new AssertionError(file + ": unexpected " + token + " at " + parser.currentLocation());
        }
    }
}
