package dev.redoubt.ui.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo sandbox's approver page driven over HTTP as an approver would in a browser: sign in as an
 * SSO user of the estate (their password), see the session waiting for them, approve or reject it.
 */
public final class ApproverPage {
    private final URI page;
    private final String password;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The page at {@code url}, where every user signs in with {@code password} (the demo's users: "demo"). */
    public ApproverPage(String url, String password) {
        this.page = URI.create(url);
        this.password = password;
    }

    /** Signs in as {@code user} and answers the session {@code sessionArn}; returns the page's answer. */
    public String vote(String user, String sessionArn, boolean approve) throws Exception {
        HttpResponse<String> in = post("/approvals/signin", null, "username", user, "password", password);
        String cookie = in.headers().firstValue("set-cookie").orElseThrow(() -> new AssertionError(user + " was not signed in: " + in.body()));
        cookie = cookie.substring(0, cookie.indexOf(';'));
        String html = http.send(HttpRequest.newBuilder(page).header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        if (!html.contains(sessionArn)) {
            throw new AssertionError("the approver page shows " + user + " no session " + sessionArn + ": " + html);
        }
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form on the approver page: " + html);
        }
        return post("/approvals/vote", cookie, "csrf", m.group(1), "session", sessionArn, "decision", approve ? "approve" : "reject").body();
    }

    private HttpResponse<String> post(String path, String cookie, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(form[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(page.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
