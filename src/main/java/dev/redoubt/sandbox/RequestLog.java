package dev.redoubt.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every client did: who called which operation, and with what outcome. Keeps the most recent
 * {@value #CAPACITY} requests, so a test can prove what a client did and did not call.
 */
public final class RequestLog {
    static final int CAPACITY = 100_000;

    /**
     * One request. {@code principal} is the caller's ARN (or "sso-user:NAME", or "anonymous"),
     * {@code outcome} is "OK" or the error code answered.
     */
    public record Entry(long seq, Instant time, String principal, String accessKeyId, String service, String operation,
                        String region, int status, String outcome, String message, long micros) {
        /** One line for --log-requests. */
        public String line() {
            return String.format(java.util.Locale.ROOT, "%s %-4d %-13s %-36s %-14s %-32s %s%s", time, status, service, operation,
                    region == null ? "-" : region, outcome, principal, message == null ? "" : "  (" + message + ")");
        }
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final Consumer<Entry> listener;
    private long seq;

    RequestLog(Consumer<Entry> listener) {
        this.listener = listener;
    }

    Entry add(Instant time, String principal, String accessKeyId, String service, String operation, String region, int status,
              String outcome, String message, long micros) {
        Entry e;
        synchronized (this) {
            e = new Entry(++seq, time, principal, accessKeyId, service, operation, region, status, outcome, message, micros);
            entries.addLast(e);
            if (entries.size() > CAPACITY) {
                entries.removeFirst();
            }
        }
        if (listener != null) {
            listener.accept(e);
        }
        return e;
    }

    /** The entries after sequence number {@code after} (0 for all kept). */
    public synchronized List<Entry> since(long after) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.seq() > after) {
                out.add(e);
            }
        }
        return out;
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** The sequence number of the latest entry (0 when none). */
    public synchronized long lastSeq() {
        return seq;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
