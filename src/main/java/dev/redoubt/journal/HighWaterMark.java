package dev.redoubt.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.files.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;

/**
 * The journal's high-water mark ({@code journal.db.head}, beside the database): a statement signed
 * with the journal key that entry {@code seq} had hash {@code head}, in a checkpoint's form with the
 * reason {@value #REASON}. It is written with the journal and moved forward, under the database's
 * write lock, after every append and at every checkpoint, and never backwards: the journal must
 * reach at least that entry with that hash, so cutting entries off its end, with their checkpoint
 * rows and sidecar lines, shows. It is replaced whole (a new file moved over it), never edited.
 */
final class HighWaterMark {
    static final String REASON = "high-water-mark";
    /** A mark is one line of some 300 bytes; anything longer is not one. */
    private static final int MAX_BYTES = 4096;

    private final Path file;

    HighWaterMark(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** What the file holds: nothing (no file), a mark, or something that is not one (with what is wrong). */
    record Read(String text, Checkpoint mark, String malformed) {
        boolean missing() {
            return text == null;
        }
    }

    Read read() throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new Read(null, null, null);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            return new Read(text, null, "longer than " + MAX_BYTES + " bytes");
        }
        try {
            Checkpoint cp = Checkpoint.parse(new ObjectMapper(), text.strip());
            if (!REASON.equals(cp.reason())) {
                return new Read(text, null, "its reason is \"" + cp.reason() + "\", not \"" + REASON + "\"");
            }
            return new Read(text, cp, null);
        } catch (IllegalArgumentException e) {
            return new Read(text, null, e.getMessage());
        }
    }

    /** True when {@code mark} is signed by {@code key} (whose fingerprint is {@code fingerprint}). */
    static boolean signedBy(Checkpoint mark, PublicKey key, String fingerprint) {
        return mark.key().equals(fingerprint) && mark.signatureValid(key);
    }

    /** Replaces the mark: owner-only from its first byte, written whole and synced before it takes the name. */
    void write(Checkpoint mark) throws IOException {
        replace(file, mark.json() + "\n");
    }

    /** Writes {@code text} to {@code target} through a temporary file beside it, synced, then moved over it in one step. */
    static void replace(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        SafeFiles.ownerOnly(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
