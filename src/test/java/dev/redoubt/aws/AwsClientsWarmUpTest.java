package dev.redoubt.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AwsClientsWarmUpTest {
    @Test
    void theWarmUpRunsOnADaemonThreadEndsByItselfAndLeavesNoThreadBehind() throws Exception {
        Set<String> before = threadNames();

        Thread t = AwsClients.warmUpInBackground();

        assertThat(t.isDaemon()).isTrue(); // never holds the JVM's exit
        t.join(60_000);
        assertThat(t.isAlive()).isFalse();
        long deadline = System.currentTimeMillis() + 10_000;
        Set<String> left;
        do {
            left = threadNames().stream().filter(n -> !before.contains(n)).filter(n -> n.startsWith("redoubt-")).collect(Collectors.toSet());
            if (!left.isEmpty()) {
                Thread.sleep(20);
            }
        } while (!left.isEmpty() && System.currentTimeMillis() < deadline);
        assertThat(left).isEmpty(); // its clients, scheduler and connection pool were closed
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
    }

    @Test
    void theWarmUpSendsNothingNotEvenAConnectionAttempt() throws Exception {
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            listening.setSoTimeout(500);
            AwsClients.warmUp(java.net.URI.create("http://127.0.0.1:" + listening.getLocalPort()));
            // a connection made by the warm-up would be waiting in the backlog: accept() would return it
            assertThatThrownBy(listening::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }
}
