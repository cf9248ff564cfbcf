package dev.redoubt.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Lines of UTF-8 text from a stream that may be hostile (a zip entry that inflates to gigabytes, with
 * or without newlines): no line longer than {@code maxLine} bytes and no more than {@code maxTotal}
 * bytes in all are ever held or read; every byte read is also fed to {@code digest}, so the file's
 * hash comes from the same single pass.
 */
final class BoundedLines implements Closeable {
    /** A line or the whole stream went past its bound. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        TooLong(long line) {
            super(line > 0 ? "line " + line + " is too long" : "too large", null);
            this.line = line;
        }
    }

    private final InputStream in;
    private final int maxLine;
    private final long maxTotal;
    private final MessageDigest digest;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long total;
    private long lineNo;
    private byte[] line = new byte[1 << 12];

    BoundedLines(InputStream in, int maxLine, long maxTotal, MessageDigest digest) {
        this.in = in;
        this.maxLine = maxLine;
        this.maxTotal = maxTotal;
        this.digest = digest;
    }

    /** The next line without its newline, or null at the end; a last line without a newline counts. */
    String next() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return any ? new String(line, 0, len, StandardCharsets.UTF_8) : null;
                }
                total += n;
                if (total > maxTotal) {
                    throw new TooLong(0);
                }
                if (digest != null) {
                    digest.update(buf, 0, n);
                }
                pos = 0;
                end = n;
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int piece = pos - start;
            if ((long) len + piece > maxLine) {
                throw new TooLong(lineNo + 1);
            }
            if (len + piece > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLine, Math.max(line.length * 2, len + piece)));
            }
            System.arraycopy(buf, start, line, len, piece);
            len += piece;
            if (pos < end) {
                pos++; // the newline
                lineNo++;
                return new String(line, 0, len, StandardCharsets.UTF_8);
            }
        }
    }

    /** Reads to the end (bounded all the same), feeding the digest. */
    void drain() throws IOException {
        while (next() != null) {
            // nothing: the digest sees every byte
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
