package dev.redoubt.journal;

import dev.redoubt.files.SafeFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint sidecar beside the database: one signed checkpoint a line, appended and synced,
 * never rewritten. Writers append only while they hold the database's write lock, so lines are in
 * sequence order even with several processes.
 */
final class Sidecar {
    private final Path file;

    Sidecar(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The complete lines; {@code torn} is true when the file ends in a partial line (an interrupted write). */
    record Lines(List<String> lines, boolean exists, boolean torn) {
    }

    void append(String line) throws IOException {
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (created) {
                SafeFiles.ownerOnly(file);
            }
            long size = ch.size();
            long end = completeLength(ch, size);
            if (end < size) {
                // A fragment from a write interrupted by power loss: it signs nothing, so it is cut off, not kept.
                ch.truncate(end);
            }
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            long pos = end;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.force(true);
        }
    }

    /** Length of the file up to and including its last newline. */
    private static long completeLength(FileChannel ch, long size) throws IOException {
        long pos = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (pos > 0) {
            one.clear();
            ch.read(one, pos - 1);
            if (one.get(0) == '\n') {
                return pos;
            }
            pos--;
        }
        return 0;
    }

    Lines read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Lines(List.of(), false, false);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            lines.add(text.substring(start, nl));
            start = nl + 1;
        }
        return new Lines(lines, true, start < text.length());
    }
}
