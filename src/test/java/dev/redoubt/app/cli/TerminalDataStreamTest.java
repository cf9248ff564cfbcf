package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalDataStreamTest {
    private static String through(byte[] bytes, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (TerminalDataStream s = new TerminalDataStream(sink)) {
            for (int i = 0; i < bytes.length; i += chunk) {
                s.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void escapesHiddenCharactersEvenWhenTheirBytesArriveApart() throws IOException {
        byte[] in = "Zürich\u001b[2J\u0007\u202e\u009b\r\nnext\rline é 😀\n".getBytes(StandardCharsets.UTF_8);
        String expected = "Zürich\\u001b[2J\\u0007\\u202e\\u009b\r\nnext\\u000dline é 😀\n";
        for (int chunk : new int[] {1, 2, 3, 1000}) {
            assertThat(through(in, chunk)).as("chunks of " + chunk).isEqualTo(expected);
        }
    }

    @Test
    void showsBytesThatAreNotUtf8() throws IOException {
        assertThat(through(new byte[] {'a', (byte) 0x9b, 'b', (byte) 0xc3, 'c', (byte) 0xe2, (byte) 0x80}, 1)).isEqualTo("a\\x9bb\\xc3c\\xe2\\x80");
    }
}
