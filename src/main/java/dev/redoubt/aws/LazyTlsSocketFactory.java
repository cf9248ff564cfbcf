package dev.redoubt.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLInitializationException;
import org.apache.http.protocol.HttpContext;
import software.amazon.awssdk.http.SystemPropertyTlsKeyManagersProvider;
import software.amazon.awssdk.http.apache.internal.conn.SdkTlsSocketFactory;

/**
 * The TLS socket factory the SDK's Apache client makes by default (the JDK's TLS context with the key managers named
 * by the javax.net.ssl system properties, the default trust managers and host name verifier), made on first use
 * instead of when the client is built. Building it initialises the JDK's TLS and crypto providers and reads the public
 * suffix list, about a tenth of a second of every command's start, which a command talking plain HTTP (the sandbox)
 * never needs; for HTTPS (AWS) {@link #prepareInBackground} makes it while the command starts.
 */
final class LazyTlsSocketFactory implements LayeredConnectionSocketFactory {
    private volatile SSLConnectionSocketFactory tls;

    /** Makes the TLS factory on a daemon thread now, so the first HTTPS connection need not wait for it. */
    LazyTlsSocketFactory prepareInBackground() {
        Thread t = new Thread(() -> {
            try {
                tls();
            } catch (RuntimeException e) {
                // reported by the first connection, which tries again
            }
        }, "redoubt-tls-init");
        t.setDaemon(true);
        t.start();
        return this;
    }

    boolean prepared() {
        return tls != null;
    }

    SSLConnectionSocketFactory tls() {
        SSLConnectionSocketFactory f = tls;
        if (f == null) {
            synchronized (this) {
                f = tls;
                if (f == null) {
                    try {
                        SSLContext context = SSLContext.getInstance("TLS");
                        context.init(SystemPropertyTlsKeyManagersProvider.create().keyManagers(), null, null);
                        f = new SdkTlsSocketFactory(context, SSLConnectionSocketFactory.getDefaultHostnameVerifier());
                    } catch (GeneralSecurityException e) {
                        throw new SSLInitializationException(e.getMessage(), e);
                    }
                    tls = f;
                }
            }
        }
        return f;
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return tls().createSocket(context);
    }

    @Override
    public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
                                InetSocketAddress localAddress, HttpContext context) throws IOException {
        return tls().connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
        return tls().createLayeredSocket(socket, target, port, context);
    }
}
