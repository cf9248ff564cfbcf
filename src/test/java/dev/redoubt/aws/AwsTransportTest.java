package dev.redoubt.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

class AwsTransportTest {
    @Test
    void aPlainHttpEndpointNeverMakesTheTlsContext() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (AwsTransport transport = new AwsTransport(AwsSettings.defaults(endpoint, AccessMode.AUDITOR))) {
            HttpExecuteResponse response = get(transport, endpoint.resolve("/x"));

            assertThat(response.httpResponse().statusCode()).isEqualTo(200);
            try (InputStream in = response.responseBody().orElseThrow()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
            }
            assertThat(transport.tlsPrepared()).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void httpsStillSpeaksTls() throws Exception {
        // A server that answers in plain text: a client speaking TLS to it fails the handshake instead of reading the answer.
        try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read(new byte[512]);
                } catch (IOException e) {
                    // the client hung up
                }
            });
            answer.setDaemon(true);
            answer.start();
            URI endpoint = URI.create("https://127.0.0.1:" + plain.getLocalPort());
            // configured for plain HTTP, so nothing makes the TLS context ahead: the HTTPS call makes it
            try (AwsTransport transport = new AwsTransport(AwsSettings.defaults(URI.create("http://127.0.0.1:9"), AccessMode.AUDITOR))) {
                assertThat(transport.tlsPrepared()).isFalse();
                assertThatThrownBy(() -> get(transport, endpoint.resolve("/x"))).isInstanceOf(SSLException.class);
                assertThat(transport.tlsPrepared()).isTrue();
            }
        }
    }

    @Test
    void httpsToAnEndpointThatIsGoneFailsCleanlyOnConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI endpoint = URI.create("https://127.0.0.1:" + port);
        try (AwsTransport transport = new AwsTransport(AwsSettings.defaults(endpoint, AccessMode.AUDITOR))) {
            assertThatThrownBy(() -> get(transport, endpoint.resolve("/x"))).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void forAwsItselfTheTlsContextIsMadeAheadOnAnotherThread() throws Exception {
        try (AwsTransport transport = new AwsTransport(AwsSettings.defaults(null, AccessMode.AUDITOR))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!transport.tlsPrepared() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(transport.tlsPrepared()).isTrue();
        }
    }

    private static HttpExecuteResponse get(AwsTransport transport, URI uri) throws IOException {
        return transport.http().prepareRequest(HttpExecuteRequest.builder()
                .request(SdkHttpFullRequest.builder().uri(uri).method(SdkHttpMethod.GET).build())
                .build()).call();
    }
}
