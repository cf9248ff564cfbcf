package dev.redoubt.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;

/**
 * Hostile zips written byte by byte: entries stored as given, and "bombs", entries of gigabytes of
 * zeros that take a few megabytes. A bomb is one deflated chunk of zeros ended by a full flush (which
 * makes the next chunk independent of it), repeated, then an empty final block: gigabytes are written
 * in milliseconds. Its local and central headers declare 1 KiB and a CRC of 0: sizes that lie.
 */
public final class ZipBomb {
    public static final long GIB = 1L << 30;
    private static final int CHUNK = 8 << 20;
    private static final byte[] FINAL_EMPTY_BLOCK = {0x03, 0x00};

    private final Map<String, byte[]> stored = new LinkedHashMap<>();
    private final Map<String, Long> bombs = new LinkedHashMap<>();
    private final List<String> order = new ArrayList<>();

    /** An entry of {@code bytes}, stored. */
    public ZipBomb put(String name, byte[] bytes) {
        stored.put(name, bytes);
        order.add(name);
        return this;
    }

    /** An entry that inflates to {@code zeros} zero bytes (rounded up to 8 MiB). */
    public ZipBomb bomb(String name, long zeros) {
        bombs.put(name, zeros);
        order.add(name);
        return this;
    }

    /** Every entry of an existing zip but {@code except}. */
    public static ZipBomb copyOf(Path zip, String... except) throws IOException {
        ZipBomb b = new ZipBomb();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (!List.of(except).contains(e.getName())) {
                    b.put(e.getName(), z.getInputStream(e).readAllBytes());
                }
            }
        }
        return b;
    }

    public void write(Path out) throws IOException {
        byte[] chunk = zerosChunk();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        try (OutputStream o = Files.newOutputStream(out)) {
            for (String name : order) {
                byte[] n = name.getBytes(StandardCharsets.UTF_8);
                boolean bomb = bombs.containsKey(name);
                long repeats = bomb ? (bombs.get(name) + CHUNK - 1) / CHUNK : 0;
                byte[] data = bomb ? null : stored.get(name);
                long csize = bomb ? repeats * chunk.length + FINAL_EMPTY_BLOCK.length : data.length;
                long crc = 0;
                long size = 1024;
                if (!bomb) {
                    CRC32 c = new CRC32();
                    c.update(data);
                    crc = c.getValue();
                    size = data.length;
                }
                int method = bomb ? 8 : 0;
                ByteArrayOutputStream local = new ByteArrayOutputStream();
                u32(local, 0x04034b50);
                u16(local, 20);
                u16(local, 0);
                u16(local, method);
                u16(local, 0);
                u16(local, 0x21);
                u32(local, crc);
                u32(local, csize);
                u32(local, size);
                u16(local, n.length);
                u16(local, 0);
                local.write(n);
                o.write(local.toByteArray());
                if (bomb) {
                    for (long i = 0; i < repeats; i++) {
                        o.write(chunk);
                    }
                    o.write(FINAL_EMPTY_BLOCK);
                } else {
                    o.write(data);
                }
                u32(central, 0x02014b50);
                u16(central, 20);
                u16(central, 20);
                u16(central, 0);
                u16(central, method);
                u16(central, 0);
                u16(central, 0x21);
                u32(central, crc);
                u32(central, csize);
                u32(central, size);
                u16(central, n.length);
                u16(central, 0);
                u16(central, 0);
                u16(central, 0);
                u16(central, 0);
                u32(central, 0);
                u32(central, offset);
                central.write(n);
                offset += local.size() + csize;
            }
            byte[] cd = central.toByteArray();
            o.write(cd);
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            u32(end, 0x06054b50);
            u16(end, 0);
            u16(end, 0);
            u16(end, order.size());
            u16(end, order.size());
            u32(end, cd.length);
            u32(end, offset);
            u16(end, 0);
            o.write(end.toByteArray());
        }
    }

    /** 8 MiB of zeros deflated and fully flushed: a piece of deflate stream that can follow itself any number of times. */
    private static byte[] zerosChunk() {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(new byte[CHUNK]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            while (true) {
                int n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
                out.write(buf, 0, n);
                if (n < buf.length && d.needsInput()) {
                    return out.toByteArray();
                }
            }
        } finally {
            d.end();
        }
    }

    private static void u16(ByteArrayOutputStream o, int v) {
        o.write(v & 0xFF);
        o.write((v >>> 8) & 0xFF);
    }

    private static void u32(ByteArrayOutputStream o, long v) {
        u16(o, (int) (v & 0xFFFF));
        u16(o, (int) ((v >>> 16) & 0xFFFF));
    }
}
