package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.sandbox.Wire.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The control surface for tests and demos, under {@value #PREFIX} (a prefix no AWS API uses):
 * <pre>
 * GET    /_sandbox/health                       status, endpoint, regions
 * GET    /_sandbox/clock                        served now, offset, how far advanced
 * POST   /_sandbox/clock/advance?seconds=N      move the sandbox clock forward
 * GET    /_sandbox/credentials                  the static credentials per (account, role)
 * GET    /_sandbox/requests?since=SEQ           the request log: principal, operation, outcome
 * DELETE /_sandbox/requests                     clear the request log
 * GET    /_sandbox/sessions                     approval sessions still pending
 * POST   /_sandbox/sessions/approve             {"SessionArn", "UserName"}: vote as that approver
 * POST   /_sandbox/sessions/reject              likewise
 * POST   /_sandbox/recovery-points              {"AccountId", "Region", "BackupVaultName", "RecoveryPoint": {...}}
 * DELETE /_sandbox/recovery-points?account=&amp;region=&amp;vault=&amp;arn=
 * </pre>
 * Changes must come with {@code Content-Type: application/json}, which a browser cannot send to
 * another origin without a preflight the sandbox never grants. The dispatcher answers nothing here to a
 * request addressed to another host (DNS rebinding) or sent by a page of another origin ({@link LocalOnly}).
 */
final class ControlApi {
    static final String PREFIX = "/_sandbox/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Sandbox sandbox;

    ControlApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    Answer handle(HttpRequest req) {
        String path = req.rawPath().substring(PREFIX.length() - 1);
        String method = req.method();
        try {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                String type = req.header("content-type");
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    return error(415, "changes to the sandbox need Content-Type: application/json");
                }
            }
            return switch (method + " " + path) {
                case "GET /health" -> ok(JSON.objectNode().put("status", "ok").put("endpoint", sandbox.endpoint().toString())
                        .set("regions", MAPPER.valueToTree(sandbox.regions())));
                case "GET /clock" -> ok(clock());
                case "POST /clock/advance" -> {
                    long seconds = number(req, "seconds");
                    if (seconds < 0) {
                        yield error(400, "seconds must not be negative");
                    }
                    sandbox.advanceClock(Duration.ofSeconds(seconds));
                    yield ok(clock());
                }
                case "GET /credentials" -> ok(MAPPER.valueToTree(sandbox.credentials()));
                case "GET /requests" -> {
                    String since = first(req.query(), "since");
                    List<RequestLog.Entry> entries = sandbox.requestLog().since(since == null ? 0 : Long.parseLong(since));
                    ObjectNode out = JSON.objectNode().put("lastSeq", sandbox.requestLog().lastSeq());
                    ArrayNode list = out.putArray("requests");
                    for (RequestLog.Entry e : entries) {
                        ObjectNode o = list.addObject();
                        o.put("seq", e.seq()).put("time", e.time().toString()).put("principal", e.principal())
                                .put("accessKeyId", e.accessKeyId()).put("service", e.service()).put("operation", e.operation())
                                .put("region", e.region()).put("status", e.status()).put("outcome", e.outcome()).put("message", e.message())
                                .put("micros", e.micros());
                    }
                    yield ok(out);
                }
                case "DELETE /requests" -> {
                    sandbox.requestLog().clear();
                    yield ok(JSON.objectNode().put("cleared", true));
                }
                case "GET /sessions" -> ok(MAPPER.valueToTree(sandbox.pendingSessions()));
                case "POST /sessions/approve", "POST /sessions/reject" -> {
                    JsonNode body = body(req);
                    sandbox.vote(body.path("SessionArn").asText(), body.path("UserName").asText(), path.endsWith("approve"));
                    yield ok(JSON.objectNode().put("recorded", true));
                }
                case "POST /recovery-points" -> {
                    JsonNode body = body(req);
                    String arn = sandbox.addRecoveryPoint(body.path("AccountId").asText(), body.path("Region").asText(),
                            body.path("BackupVaultName").asText(), body.path("RecoveryPoint").toString());
                    yield ok(JSON.objectNode().put("RecoveryPointArn", arn));
                }
                case "DELETE /recovery-points" -> {
                    Map<String, List<String>> q = req.query();
                    boolean removed = sandbox.deleteRecoveryPoint(first(q, "account"), first(q, "region"), first(q, "vault"), first(q, "arn"));
                    yield removed ? ok(JSON.objectNode().put("deleted", true)) : error(404, "no such recovery point");
                }
                default -> error(404, "no control operation " + Wire.printable(method + " " + path)
                        + "; see GET /_sandbox/health and the Sandbox class documentation");
            };
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        } catch (IOException e) {
            return error(400, "the body is not JSON");
        }
    }

    private ObjectNode clock() {
        return JSON.objectNode().put("now", sandbox.clock().instant().toString())
                .put("offsetSeconds", sandbox.timeOffset().toSeconds())
                .put("advancedSeconds", sandbox.clock().advanced().toSeconds());
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static long number(HttpRequest req, String key) throws IOException {
        String v = first(req.query(), key);
        if (v == null && req.body().length > 0) {
            JsonNode n = body(req).get(key);
            v = n == null ? null : n.asText();
        }
        if (v == null) {
            throw new IllegalArgumentException("name " + key + " (query or JSON body)");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
    }

    private static JsonNode body(HttpRequest req) throws IOException {
        JsonNode n = MAPPER.readTree(req.body());
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return n;
    }

    private static Answer ok(JsonNode body) {
        return Answer.of(200, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Answer error(int status, String message) {
        return Answer.of(status, "application/json", JSON.objectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8));
    }
}
