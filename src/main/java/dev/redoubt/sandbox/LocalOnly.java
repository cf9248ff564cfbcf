package dev.redoubt.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the sandbox a local server. Listening on 127.0.0.1 is not enough: a web page whose name
 * resolves to 127.0.0.1 (DNS rebinding) reaches the port as its own origin and could read every
 * secret of the control surface, or sign itself in through the unsigned device flow. So the sandbox
 * answers only requests addressed to itself ({@code Host} 127.0.0.1, localhost or [::1] with its
 * port; 421 otherwise), and refuses the control surface and its pages' forms to a browser request
 * from another origin ({@code Origin} or {@code Sec-Fetch-Site} naming one; 403). The AWS SDK, the
 * AWS CLI and scripts send neither header and the right host.
 */
final class LocalOnly {
    private static final Set<String> NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final int port;

    LocalOnly(int port) {
        this.port = port;
    }

    /** Why the request is not addressed to this sandbox, or null when it is. */
    String misdirected(HttpRequest req) {
        List<String> hosts = req.headers().get("host");
        if (hosts == null || hosts.size() != 1 || !ownAuthority(hosts.get(0))) {
            String named = hosts == null || hosts.isEmpty() ? "no Host" : "Host " + Wire.printable(String.join(", ", hosts));
            return "The sandbox answers only requests addressed to 127.0.0.1:" + port + " or localhost:" + port + ", not " + named
                    + ". Use the endpoint it printed.";
        }
        return null;
    }

    /** Why a browser request from another origin is refused, or null when it is the sandbox's own or no browser's. */
    String crossOrigin(HttpRequest req) {
        String origin = req.header("origin");
        if (origin != null) {
            String o = origin.trim().toLowerCase(Locale.ROOT);
            if (!o.startsWith("http://") || !ownAuthority(o.substring("http://".length()))) {
                return "The sandbox's control surface and forms do not answer pages of another origin (Origin "
                        + Wire.printable(origin) + ").";
            }
        }
        String site = req.header("sec-fetch-site");
        if (site != null && !site.trim().equalsIgnoreCase("same-origin") && !site.trim().equalsIgnoreCase("none")) {
            return "The sandbox's control surface and forms do not answer pages of another origin (Sec-Fetch-Site "
                    + Wire.printable(site) + ").";
        }
        return null;
    }

    /** True for {@code name[:port]} naming this sandbox: a loopback name and its port (no port only when that is 80). */
    boolean ownAuthority(String authority) {
        String a = authority.trim().toLowerCase(Locale.ROOT);
        String name;
        String portPart;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = a.substring(0, close + 1);
            portPart = a.substring(close + 1);
        } else {
            int colon = a.indexOf(':');
            name = colon < 0 ? a : a.substring(0, colon);
            portPart = colon < 0 ? "" : a.substring(colon);
        }
        if (!NAMES.contains(name)) {
            return false;
        }
        if (portPart.isEmpty()) {
            return port == 80;
        }
        return portPart.equals(":" + port);
    }
}
