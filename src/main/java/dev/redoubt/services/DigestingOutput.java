package dev.redoubt.services;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes through to {@code out} and digests what was written on a thread of its own, so that a 300 MB capture is hashed
 * while it is serialized rather than after (SHA-256 takes about as long as writing the capture). {@link #digest()} waits for
 * the hashing to finish. Bytes go out in 1 MB blocks; a block is handed to the hasher after it was written, and reused
 * once hashed.
 */
final class DigestingOutput extends OutputStream {
    private static final int BLOCK = 1 << 20;
    private static final int BLOCKS = 4;
    private static final byte[] END = new byte[0];

    private final OutputStream out;
    private final MessageDigest digest;
    private final BlockingQueue<byte[]> written = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<Integer> lengths = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread hasher;
    private volatile Throwable failed;
    private byte[] block;
    private int used;
    private boolean ended;

    DigestingOutput(OutputStream out, MessageDigest digest) {
        this.out = out;
        this.digest = digest;
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new byte[BLOCK]);
        }
        this.block = free.poll();
        this.hasher = new Thread(this::hash, "redoubt-capture-digest");
        hasher.setDaemon(true);
        hasher.start();
    }

    private void hash() {
        try {
            while (true) {
                byte[] b = written.take();
                int n = lengths.take();
                if (b == END) {
                    return;
                }
                digest.update(b, 0, n);
                free.put(b);
            }
        } catch (InterruptedException | RuntimeException e) {
            failed = e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (used == BLOCK) {
            handOver();
        }
        block[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == BLOCK) {
                handOver();
            }
            int n = Math.min(len, BLOCK - used);
            System.arraycopy(b, off, block, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    private void handOver() throws IOException {
        out.write(block, 0, used);
        try {
            written.put(block);
            lengths.put(used);
            block = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the capture was written");
        }
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        if (used > 0) {
            handOver();
        }
        out.flush();
    }

    /** The digest of everything written; writes what is buffered first. */
    byte[] digest() throws IOException {
        flush();
        if (!ended) {
            ended = true;
            try {
                written.put(END);
                lengths.put(0);
                hasher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the capture was hashed");
            }
        }
        if (failed != null) {
            throw new IOException("the capture could not be hashed", failed);
        }
        return digest.digest();
    }

    @Override
    public void close() throws IOException {
        digest();
        out.close();
    }
}
