package dev.redoubt.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as the sandbox sees it: raw path and query (as signed), headers by lower-case name, body. */
record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    HttpRequest {
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        headers = Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body;
    }

    String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The decoded query string, every value of every key in order. */
    Map<String, List<String>> query() {
        return decodeForm(rawQuery);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Decodes {@code a=1&b=2} (form or query string) into a multimap. */
    static Map<String, List<String>> decodeForm(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.computeIfAbsent(decode(k), x -> new ArrayList<>()).add(decode(v));
        }
        return out;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
