import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The least any reader of a capture does, timed in a cold JVM, for bench/floor.sh:
 *   tokens FILE   every token of the JSON with Jackson's streaming parser, every string value decoded, nothing kept
 *   sha MB        SHA-256 of MB mebibytes (the audit's results digest hashes about 350 MB for the 200,000-point capture)
 * Run with the jar on the class path: java -cp target/redoubt.jar bench/CaptureFloor.java tokens FILE
 * Prints one BENCH line: the work's own time and the JVM's uptime at its end (start-up included).
 */
public final class CaptureFloor {
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("tokens") || args[0].equals("sha"))) {
            System.err.println("usage: CaptureFloor tokens FILE | sha MB");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        String what;
        if (args[0].equals("tokens")) {
            long tokens = 0;
            long chars = 0;
            try (JsonParser p = new JsonFactory().createParser(new BufferedInputStream(Files.newInputStream(Path.of(args[1])), 1 << 16))) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    tokens++;
                    if (t == JsonToken.VALUE_STRING) {
                        chars += p.getTextLength(); // decodes the string, as any reader that keeps it must
                    }
                }
            }
            what = String.format("tokenize %s (%d MB): %,d tokens, %,d characters of string values", args[1],
                    Files.size(Path.of(args[1])) >> 20, tokens, chars);
        } else {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 18];
            long bytes = Long.parseLong(args[1]) << 20;
            for (long done = 0; done < bytes; done += block.length) {
                block[0] = (byte) done;
                md.update(block);
            }
            what = String.format("SHA-256 of %s MB (%s...)", args[1], HexFormat.of().formatHex(md.digest()).substring(0, 8));
        }
        double work = (System.nanoTime() - t0) / 1e9;
        double uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.printf("BENCH floor %s: %.2f s of work, JVM uptime at the end %.2f s%n", what, work, uptime);
    }
}
