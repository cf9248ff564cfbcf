package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.redoubt.sandbox.ServiceModel.Protocol;
import dev.redoubt.sandbox.ServiceModel.Route;
import dev.redoubt.sandbox.Wire.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Answers every HTTP request: the control surface and the sign-in pages by path, AWS requests by
 * their SigV4 scope (or, unsigned, by path). Authenticates, injects faults, refuses read-only writes,
 * reads the input, runs the handler under the world's lock and writes the answer in the service's
 * protocol. Any failure becomes an AWS-shaped error; the server keeps serving.
 */
final class Dispatcher implements HttpHandler {
    static final int MAX_BODY = 16 << 20;
    /** Calls a read-only role may make although they are not Describe/Get/List. */
    private static final Set<String> SIGN_IN = Set.of("sts:AssumeRole");

    private final World world;
    private final Keys keys;
    private final Handlers handlers;
    private final RequestLog log;
    private final Faults faults;
    private final ControlApi control;
    private final Pages pages;
    private final Consumer<Throwable> internalErrors;
    private final SignIns signIns;
    private final LocalOnly local;
    private final Clock wallClock;

    /**
     * {@code wallClock} is the time clients sign with (the real one): a request's signing time is checked
     * against it, never against the world's served clock, which an estate fixes and tests move.
     */
    Dispatcher(World world, Keys keys, Handlers handlers, RequestLog log, Faults faults, ControlApi control, Pages pages,
               SignIns signIns, Consumer<Throwable> internalErrors, LocalOnly local, Clock wallClock) {
        this.signIns = signIns;
        this.local = local;
        this.wallClock = wallClock;
        this.world = world;
        this.keys = keys;
        this.handlers = handlers;
        this.log = log;
        this.faults = faults;
        this.control = control;
        this.pages = pages;
        this.internalErrors = internalErrors;
    }

    /** What the log says about one request, filled in as it is answered. */
    private static final class Outcome {
        String principal = "anonymous";
        String accessKeyId;
        String service = "-";
        String operation = "-";
        String region;
        String message;
    }

    @Override
    public void handle(HttpExchange ex) {
        long start = System.nanoTime();
        try (ex) {
            HttpRequest req;
            try {
                req = read(ex);
            } catch (IOException e) {
                return; // the client went away
            }
            String path = req.rawPath();
            Answer answer;
            String misdirected = local.misdirected(req);
            boolean toControl = path.startsWith(ControlApi.PREFIX);
            String crossOrigin = toControl || (pages.handles(req) && "POST".equals(req.method())) ? local.crossOrigin(req) : null;
            if (req == TOO_LARGE) {
                answer = Answer.of(413, "application/json", "{\"message\":\"Request body too large\"}".getBytes(StandardCharsets.UTF_8));
            } else if (misdirected != null) {
                answer = refusal(421, misdirected);
            } else if (crossOrigin != null) {
                answer = refusal(403, crossOrigin);
            } else if (toControl || pages.handles(req)) {
                try {
                    answer = toControl ? control.handle(req) : pages.handle(req);
                } catch (RuntimeException e) {
                    if (internalErrors != null) {
                        internalErrors.accept(e);
                    }
                    answer = Answer.of(500, "application/json", "{\"message\":\"internal error\"}".getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Outcome o = new Outcome();
                String requestId = UUID.randomUUID().toString();
                answer = aws(req, requestId, o);
                String outcome = answer.status() < 300 ? "OK" : answer.headers().getOrDefault("x-amzn-ErrorType", errorCode(answer));
                log.add(world.servedNow(), o.principal, o.accessKeyId, o.service, o.operation, o.region, answer.status(), outcome, o.message,
                        (System.nanoTime() - start) / 1000);
            }
            send(ex, answer);
        } catch (IOException | RuntimeException e) {
            // the connection failed while answering; nothing more to say to this client
        }
    }

    private static Answer refusal(int status, String message) {
        return Answer.of(status, "application/json", JsonNodeFactory.instance.objectNode().put("message", message).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String errorCode(Answer a) {
        String body = a.bodyText();
        int i = body.indexOf("<Code>");
        if (i >= 0) {
            return body.substring(i + 6, body.indexOf("</Code>", i));
        }
        int t = body.indexOf("\"__type\":\"");
        return t >= 0 ? body.substring(t + 10, body.indexOf('"', t + 10)) : "Error";
    }

    private Answer aws(HttpRequest req, String requestId, Outcome o) {
        ServiceModel model;
        SigV4.Authorization auth;
        try {
            auth = SigV4.parse(req);
        } catch (AwsError e) {
            o.message = e.getMessage();
            return Wire.writeError(guess(req), e, requestId);
        }
        if (auth != null) {
            o.accessKeyId = auth.accessKeyId();
            o.region = auth.region();
            model = Services.BY_SIGNING_NAME.get(auth.service());
            if (model == null) {
                o.service = Wire.printable(auth.service());
                return Wire.writeError(guess(req), AwsError.of(AwsError.Kind.UNKNOWN_OPERATION,
                        "The sandbox does not serve the service " + Wire.printable(auth.service())), requestId);
            }
        } else {
            model = Services.unsigned(req.rawPath());
            if (model == null) {
                o.message = "unsigned request";
                return Wire.writeError(guess(req), AwsError.of(AwsError.Kind.MISSING_AUTHENTICATION, "Missing Authentication Token"),
                        requestId);
            }
        }
        o.service = model.name();
        Dialect dialect = Dialect.of(model.name(), model.protocol());
        try {
            Principal principal = auth == null ? null : authenticate(auth, req);
            if (principal != null) {
                o.principal = principal.arn();
            } else if (model == Services.SSO) {
                var user = signIns.user(req.header("x-amz-sso_bearer_token"), world.servedNow());
                o.principal = user == null ? "anonymous" : "sso-user:" + user.userName();
            }
            Map<String, List<String>> form = model.protocol() == Protocol.QUERY ? Wire.form(req) : Map.of();
            Route route = Wire.resolve(model, req, form);
            ServiceModel.Operation op = route.operation();
            o.operation = op.name();
            AwsError fault = faults.next();
            if (fault != null) {
                throw fault;
            }
            if (principal != null && principal.access() == Principal.Access.READ_ONLY && !op.isRead()
                    && !SIGN_IN.contains(model.name() + ":" + op.name())) {
                // AWS names the resource when the action has one: "User: arn:aws:sts::...:assumed-role/... is not authorized to
                // perform: backup:StartRestoreJob on resource: arn:aws:backup:...:recovery-point:... because no identity-based policy
                // allows the backup:StartRestoreJob action" (the AWS CLI's words, quoted in ministryofjustice/modernisation-platform PR 4798)
                String resource = deniedResource(model, route, req, form, op.name());
                throw AwsError.accessDenied("User: " + principal.arn() + " is not authorized to perform: " + model.signingName() + ":"
                        + op.name() + (resource == null ? "" : " on resource: " + resource) + " because no identity-based policy allows the "
                        + model.signingName() + ":" + op.name() + " action");
            }
            Handlers.Registered reg = handlers.get(model.name(), op.name());
            if (reg == null) {
                throw AwsError.of(AwsError.Kind.UNKNOWN_OPERATION, "The sandbox does not implement " + model.signingName() + ":" + op.name());
            }
            SdkPojo input = Wire.readInput(model, route, req, form);
            AwsError recorded = ReadErrorReplay.match(world, principal, auth == null ? null : auth.region(), model.signingName(), op.name(), input);
            if (recorded != null) {
                throw recorded;
            }
            Call call = new Call(world, principal, auth == null ? null : auth.region(), requestId, req);
            Lock lock = reg.write() ? world.lock.writeLock() : world.lock.readLock();
            lock.lock();
            try {
                JsonNode out = reg.handler().handle(call, input);
                return Wire.writeOutput(model, op, out, world::toServed, requestId);
            } finally {
                lock.unlock();
            }
        } catch (AwsError e) {
            o.message = e.getMessage();
            return Wire.writeError(dialect, e, requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Wire.writeError(dialect, AwsError.of(AwsError.Kind.UNAVAILABLE, "The sandbox is shutting down."), requestId);
        } catch (RuntimeException e) {
            o.message = "internal: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            if (internalErrors != null) {
                internalErrors.accept(e);
            }
            return Wire.writeError(dialect, AwsError.of(AwsError.Kind.INTERNAL, "We encountered an internal error. Please try again."),
                    requestId);
        }
    }

    /** The signer of a signed request, or the AWS error that refuses it. */
    private Principal authenticate(SigV4.Authorization auth, HttpRequest req) {
        Keys.Issued issued = keys.lookup(auth.accessKeyId());
        String token = req.header("x-amz-security-token");
        if (issued == null || (issued.temporary() ? !issued.sessionToken().equals(token) : token != null)) {
            throw AwsError.of(AwsError.Kind.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }
        if (issued.temporary() && !world.servedNow().isBefore(issued.expiration())) {
            throw AwsError.of(AwsError.Kind.EXPIRED_TOKEN, "The security token included in the request is expired");
        }
        SigV4.checkTime(req, wallClock.instant());
        if (!SigV4.verify(auth, req, issued.secretAccessKey())) {
            throw AwsError.of(AwsError.Kind.SIGNATURE_MISMATCH, "The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return issued.principal();
    }

    /** The dialect to refuse a request in before its service is known, from what the request looks like. */
    private static Dialect guess(HttpRequest req) {
        if (req.header("x-amz-target") != null) {
            return Dialect.of("kms", Protocol.AWS_JSON);
        }
        String type = req.header("content-type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Dialect.of("sts", Protocol.QUERY);
        }
        return Dialect.of("backup", Protocol.REST_JSON);
    }

    private static final HttpRequest TOO_LARGE = new HttpRequest("POST", "/", null, Map.of(), null);

    private static HttpRequest read(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return TOO_LARGE;
        }
        return new HttpRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders(), body);
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        var headers = ex.getResponseHeaders();
        if (a.contentType() != null) {
            headers.set("Content-Type", a.contentType());
        }
        a.headers().forEach(headers::set);
        boolean empty = a.body().length == 0 || a.status() == 204 || "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(a.status(), empty ? -1 : a.body().length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(a.body());
            }
        }
    }

    /** The resource a refused write names: StartRestoreJob's recovery point; null for the others, or when the input cannot be read. */
    private static String deniedResource(ServiceModel model, Route route, HttpRequest req, Map<String, List<String>> form, String operation) {
        if (!"StartRestoreJob".equals(operation)) {
            return null;
        }
        try {
            SdkPojo input = Wire.readInput(model, route, req, form);
            return input instanceof software.amazon.awssdk.services.backup.model.StartRestoreJobRequest s ? s.recoveryPointArn() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
