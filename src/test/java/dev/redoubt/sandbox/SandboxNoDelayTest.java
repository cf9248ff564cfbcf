package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox adds no delay of its own: the JDK's HTTP server leaves Nagle's algorithm on unless
 * sun.net.httpserver.nodelay is set when its configuration first loads, and with the client's delayed
 * ACKs every keep-alive answer then waits ~40 ms (bench/scan-vs-boto3.sh prints the difference).
 */
class SandboxNoDelayTest {
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    @Test
    void startSetsTheNoDelayPropertyWhenNobodyHas() throws Exception {
        String before = System.getProperty(NODELAY);
        System.clearProperty(NODELAY);
        try (SandboxFixture fx = SandboxFixture.start()) {
            assertThat(System.getProperty(NODELAY)).isEqualTo("true");
        } finally {
            if (before != null) {
                System.setProperty(NODELAY, before);
            }
        }
    }

    @Test
    void acceptedConnectionsHaveTcpNoDelay() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start();
             Socket client = new Socket("127.0.0.1", fx.sandbox.port())) {
            OutputStream out = client.getOutputStream();
            out.write(("GET /_sandbox/health HTTP/1.1\r\nHost: 127.0.0.1:" + fx.sandbox.port() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readHeaders(client.getInputStream()); // answered: the server has accepted and registered the connection

            List<Boolean> noDelay = new ArrayList<>();
            for (SocketChannel accepted : acceptedChannels(fx.sandbox)) {
                noDelay.add(accepted.getOption(StandardSocketOptions.TCP_NODELAY));
            }
            assertThat(noDelay).isNotEmpty().containsOnly(true);
        }
    }

    private static void readHeaders(InputStream in) throws Exception {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            assertThat(b).as("the sandbox closed the connection before answering").isNotNegative();
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
    }

    /** The server side of every open connection (the JDK's internals, opened to tests by surefire's --add-opens). */
    private static List<SocketChannel> acceptedChannels(Sandbox sandbox) throws Exception {
        HttpServer server = (HttpServer) field(sandbox, "server");
        Object impl = field(server, "server");
        List<SocketChannel> out = new ArrayList<>();
        for (Object connection : (Collection<?>) field(impl, "allConnections")) {
            out.add((SocketChannel) field(connection, "chan"));
        }
        return out;
    }

    private static Object field(Object on, String name) throws Exception {
        for (Class<?> c = on.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(on);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(on.getClass().getName() + "." + name);
    }
}
