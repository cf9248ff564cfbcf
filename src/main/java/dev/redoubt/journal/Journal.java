package dev.redoubt.journal;

import java.util.List;
import java.util.function.Consumer;

/**
 * The audit journal as the other features see it: append what was done, read it back. Appends are
 * durable when they return, chained by hash, and never change or remove earlier entries. Open one
 * per process run (one session); closing it seals the session with a signed checkpoint.
 */
public interface Journal extends AutoCloseable {
    /** Records one entry durably and returns it as stored, with its sequence number and hash. */
    Entry append(EntryDraft draft);

    /** Records several entries in one transaction (all or none), the fast way to record many. */
    List<Entry> appendAll(List<EntryDraft> drafts);

    /** The entries matching {@code query}, oldest first. */
    List<Entry> read(EntryQuery query);

    /** Streams the entries matching {@code query}, oldest first, without holding them all in memory. */
    void forEach(EntryQuery query, Consumer<? super Entry> action);

    /** This process run's session id, recorded in every entry and checkpoint it writes. */
    String sessionId();

    @Override
    void close();
}
