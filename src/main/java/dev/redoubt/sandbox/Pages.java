package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.SsoUser;
import dev.redoubt.sandbox.Wire.Answer;
import dev.redoubt.text.SafeText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's small HTML pages: the device verification page where an estate SSO user signs in
 * and approves a device code (what the AWS CLI and Redoubt open during sign-in), and the approver
 * page where a member of an approval team approves or rejects pending sessions. Every estate text is
 * escaped; forms carry a per-sign-in token and the cookie is SameSite=Strict.
 */
final class Pages {
    private static final String COOKIE = "redoubt_sandbox_session";

    private final Sandbox sandbox;
    private final World world;
    private final SignIns signIns;

    Pages(Sandbox sandbox, World world, SignIns signIns) {
        this.sandbox = sandbox;
        this.world = world;
        this.signIns = signIns;
    }

    boolean handles(HttpRequest req) {
        String p = req.rawPath();
        if (req.header("authorization") != null) {
            return false;
        }
        return switch (req.method()) {
            case "GET", "HEAD" -> p.equals("/") || p.equals("/start") || p.equals("/start/") || p.equals("/device") || p.equals("/approvals");
            case "POST" -> p.equals("/device") || p.startsWith("/approvals/");
            default -> false;
        };
    }

    Answer handle(HttpRequest req) {
        String p = req.rawPath();
        String method = req.method();
        Map<String, List<String>> form = "POST".equals(method) ? HttpRequest.decodeForm(req.bodyText()) : req.query();
        return switch (method + " " + p) {
            case "GET /", "GET /start", "GET /start/" -> page(200, "Redoubt sandbox", index());
            case "GET /device" -> page(200, "Sign in to approve a device", deviceForm(first(req.query(), "user_code"), null));
            case "POST /device" -> device(form);
            case "GET /approvals" -> approvals(req, null);
            case "POST /approvals/signin" -> signIn(form);
            case "POST /approvals/signout" -> {
                signIns.signOut(cookie(req));
                yield redirect("/approvals", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            }
            case "POST /approvals/vote" -> vote(req, form);
            default -> page(404, "Not found", "<p>There is no such page. Start at <a href=\"/\">the sandbox's home</a>.</p>");
        };
    }

    private String index() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>This sandbox serves <b>").append(esc(world.estate().name())).append("</b> at <code>")
                .append(esc(sandbox.endpoint().toString())).append("</code> for the regions ")
                .append(esc(String.join(", ", sandbox.regions()))).append(".</p>");
        sb.append("<ul><li><a href=\"/approvals\">Approve or reject pending multi-party approval sessions</a></li>")
                .append("<li><a href=\"/device\">Approve a device code</a> (the AWS CLI and Redoubt open this page when you sign in)</li></ul>");
        return sb.toString();
    }

    private static String deviceForm(String userCode, String problem) {
        return (problem == null ? "" : "<p class=\"problem\">" + esc(problem) + "</p>")
                + "<p>Sign in as a user of the estate to let the application that showed you this code act as you.</p>"
                + "<form method=\"post\" action=\"/device\">"
                + "<label>Code <input name=\"user_code\" value=\"" + esc(userCode == null ? "" : userCode) + "\" autocomplete=\"off\"></label>"
                + "<label>User name <input name=\"username\" autocomplete=\"username\"></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label>"
                + "<button name=\"decision\" value=\"approve\">Approve</button> <button name=\"decision\" value=\"deny\">Deny</button></form>";
    }

    private Answer device(Map<String, List<String>> form) {
        String code = first(form, "user_code");
        SsoUser user = authenticate(first(form, "username"), first(form, "password"));
        SignIns.Device d = signIns.deviceByUserCode(code);
        if (user == null) {
            return page(401, "Sign in to approve a device", deviceForm(code, "The user name or password is not right."));
        }
        if (d == null || d.redeemed || !sandbox.clock().instant().isBefore(d.expires)) {
            return page(400, "Sign in to approve a device", deviceForm(code, "That code is unknown or has expired; start the sign-in again."));
        }
        if ("deny".equals(first(form, "decision"))) {
            d.denied = true;
            return page(200, "Device denied", "<p>The request was denied. You can close this page.</p>");
        }
        d.approvedBy = user;
        return page(200, "Device approved", "<p>Signed in as <b>" + esc(user.userName()) + "</b>. Return to your terminal; "
                + "you can close this page.</p>");
    }

    private SsoUser authenticate(String name, String password) {
        SsoUser u = name == null ? null : world.userByName(name.trim());
        return u != null && u.password() != null && java.security.MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                String.valueOf(password).getBytes(StandardCharsets.UTF_8)) ? u : null;
    }

    private Answer signIn(Map<String, List<String>> form) {
        SsoUser user = authenticate(first(form, "username"), first(form, "password"));
        if (user == null) {
            return page(401, "Approvals", signInForm("The user name or password is not right."));
        }
        SignIns.WebSession s = signIns.signIn(user);
        return redirect("/approvals", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict");
    }

    private static String signInForm(String problem) {
        return (problem == null ? "" : "<p class=\"problem\">" + esc(problem) + "</p>")
                + "<p>Sign in as an approver (an SSO user named in an approval team).</p>"
                + "<form method=\"post\" action=\"/approvals/signin\">"
                + "<label>User name <input name=\"username\" autocomplete=\"username\"></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\"></label>"
                + "<button>Sign in</button></form>";
    }

    private Answer approvals(HttpRequest req, String notice) {
        SignIns.WebSession s = signIns.webSession(cookie(req));
        if (s == null) {
            return page(200, "Approvals", signInForm(null));
        }
        StringBuilder sb = new StringBuilder();
        if (notice != null) {
            sb.append("<p class=\"notice\">").append(esc(notice)).append("</p>");
        }
        sb.append("<form method=\"post\" action=\"/approvals/signout\" class=\"inline\">Signed in as <b>").append(esc(s.user().userName()))
                .append("</b> <input type=\"hidden\" name=\"csrf\" value=\"").append(s.csrf()).append("\"><button>Sign out</button></form>");
        int shown = 0;
        world.lock.readLock().lock();
        try {
            Instant now = world.estateNow();
            for (SessionEntry session : world.sessions()) {
                ApprovalTeam team = world.team(session.teamArn());
                if (Approvals.approver(team, s.user()) == null) {
                    continue;
                }
                ObjectNode v = session.view(now, team);
                if (!"PENDING".equals(v.path("Status").asText())) {
                    continue;
                }
                shown++;
                sb.append("<section><h2>").append(esc(v.path("ActionName").asText())).append("</h2><dl>");
                row(sb, "Team", team.name());
                row(sb, "Protected resource", v.path("ProtectedResourceArn").asText());
                row(sb, "Requested by", v.path("RequesterPrincipalArn").asText() + " in " + v.path("RequesterRegion").asText());
                row(sb, "Comment", v.path("RequesterComment").asText(""));
                row(sb, "Opened", served(v.path("InitiationTime").asText()));
                row(sb, "Expires", served(v.path("ExpirationTime").asText()));
                row(sb, "Approvals needed", v.path("ApprovalStrategy").path("MofN").path("MinApprovalsRequired").asText("1") + " of "
                        + v.path("NumberOfApprovers").asText());
                StringBuilder votes = new StringBuilder();
                v.path("ApproverResponses").forEach(r -> {
                    SsoUser u = world.user(r.path("IdentityId").asText());
                    votes.append(u == null ? r.path("IdentityId").asText() : u.userName()).append(": ").append(r.path("Response").asText()).append("  ");
                });
                row(sb, "Responses", votes.toString().trim());
                sb.append("</dl>");
                if (session.hasVoted(s.user().userId())) {
                    sb.append("<p>You have responded.</p>");
                } else {
                    sb.append("<form method=\"post\" action=\"/approvals/vote\"><input type=\"hidden\" name=\"csrf\" value=\"").append(s.csrf())
                            .append("\"><input type=\"hidden\" name=\"session\" value=\"").append(esc(session.arn()))
                            .append("\"><button name=\"decision\" value=\"approve\">Approve</button> ")
                            .append("<button name=\"decision\" value=\"reject\">Reject</button></form>");
                }
                sb.append("</section>");
            }
        } finally {
            world.lock.readLock().unlock();
        }
        if (shown == 0) {
            sb.append("<p>No session is waiting for you.</p>");
        }
        return page(200, "Approvals", sb.toString());
    }

    private String served(String estateTime) {
        try {
            return world.toServed(Instant.parse(estateTime)).toString();
        } catch (RuntimeException e) {
            return estateTime;
        }
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    private Answer vote(HttpRequest req, Map<String, List<String>> form) {
        SignIns.WebSession s = signIns.webSession(cookie(req));
        if (s == null || !s.csrf().equals(first(form, "csrf"))) {
            return page(403, "Approvals", signInForm("Your sign-in has ended; sign in again."));
        }
        boolean approve = "approve".equals(first(form, "decision"));
        try {
            sandbox.vote(String.valueOf(first(form, "session")), s.user().userName(), approve);
            return approvals(req, (approve ? "Approved" : "Rejected") + ".");
        } catch (IllegalArgumentException e) {
            return approvals(req, "Not recorded: " + e.getMessage() + ".");
        }
    }

    private static String cookie(HttpRequest req) {
        String header = req.header("cookie");
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    private static String first(Map<String, List<String>> m, String key) {
        List<String> v = m.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (SafeText.hidden(c)) {
                        sb.append("&lt;").append(SafeText.codePoint(c)).append("&gt;"); // controls and bidi overrides, shown
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    private static Answer redirect(String to, String cookie) {
        Answer a = Answer.of(303, "text/html; charset=utf-8", new byte[0]);
        a.headers().put("Location", to);
        a.headers().put("Set-Cookie", cookie);
        return a;
    }

    private static Answer page(int status, String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + " - Redoubt sandbox</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
                + "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d2433}"
                + "h1{font-size:1.4rem}h2{font-size:1.1rem;margin:0 0 .5rem}label{display:block;margin:.6rem 0}"
                + "input{display:block;padding:.35rem;width:18rem}button{padding:.4rem .9rem;margin-top:.6rem}"
                + "section{border:1px solid #c9cfdb;border-radius:6px;padding:1rem;margin:1rem 0}dt{font-weight:600;float:left;width:10rem}"
                + "dd{margin:0 0 .3rem 10.5rem;word-break:break-all}.problem{color:#a3121f}.notice{color:#1b5e20}"
                + "form.inline{display:flex;gap:.5rem;align-items:center}form.inline button{margin:0}</style></head><body>"
                + "<h1>" + esc(title) + "</h1>" + body + "</body></html>";
        Answer a = Answer.of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        a.headers().put("Cache-Control", "no-store");
        a.headers().put("X-Frame-Options", "DENY");
        a.headers().put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        return a;
    }
}
