package dev.redoubt.services;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestingOutputTest {
    @Test
    void writesEveryByteThroughAndDigestsThemInOrder() throws Exception {
        byte[] data = new byte[(5 << 20) + 12_345]; // more blocks than it keeps, and a part block
        new Random(16).nextBytes(data);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DigestingOutput out = new DigestingOutput(file, MessageDigest.getInstance("SHA-256"));
        int at = 0;
        Random sizes = new Random(7);
        while (at < data.length) {
            if (sizes.nextInt(10) == 0) {
                out.write(data[at++]);
            } else {
                int n = Math.min(data.length - at, sizes.nextInt(20_000));
                out.write(data, at, n);
                at += n;
            }
        }

        byte[] digest = out.digest();

        assertArrayEquals(data, file.toByteArray());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), digest);
    }

    @Test
    void digestsNothingAsTheEmptyInput() throws Exception {
        DigestingOutput out = new DigestingOutput(new ByteArrayOutputStream(), MessageDigest.getInstance("SHA-256"));

        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(new byte[0]), out.digest());
    }
}
