package dev.redoubt.app.cli;

import dev.redoubt.text.SafeText;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * UTF-8 bytes on their way to a terminal: a character that would act instead of showing (see
 * {@link SafeText#hidden(int)}) is written as its JSON-style escape ({@code \u001b}), which keeps JSON
 * valid and equal; a byte that is not UTF-8 as {@code \xNN}. Newline, tab and CR LF pass.
 */
final class TerminalDataStream extends FilterOutputStream {
    private final byte[] seq = new byte[4];
    private int have;
    private int need;
    private boolean cr;

    TerminalDataStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xff;
        if (cr) {
            cr = false;
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
                return;
            }
            escape('\r');
        }
        if (need > 0) {
            if ((b & 0xc0) == 0x80) {
                seq[have++] = (byte) b;
                if (have == need) {
                    sequence();
                }
                return;
            }
            invalid();
        }
        if (b < 0x80) {
            if (b == '\r') {
                cr = true;
            } else if (b < 0x20 && b != '\n' && b != '\t' || b == 0x7f) {
                escape(b);
            } else {
                out.write(b);
            }
        } else if (b >= 0xc2 && b <= 0xf4) {
            seq[0] = (byte) b;
            have = 1;
            need = b <= 0xdf ? 2 : b <= 0xef ? 3 : 4;
        } else {
            hex(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public void close() throws IOException {
        if (cr) {
            cr = false;
            escape('\r');
        }
        if (need > 0) {
            invalid();
        }
        super.close();
    }

    private void sequence() throws IOException {
        String s = new String(seq, 0, have, StandardCharsets.UTF_8);
        int cp = s.codePointAt(0);
        if (s.length() != Character.charCount(cp) || cp == 0xfffd && !(have == 3 && (seq[0] & 0xff) == 0xef)) {
            invalid();
            return;
        }
        if (SafeText.hidden(cp)) {
            for (char c : s.toCharArray()) {
                escape(c);
            }
        } else {
            out.write(seq, 0, have);
        }
        have = 0;
        need = 0;
    }

    private void invalid() throws IOException {
        for (int i = 0; i < have; i++) {
            hex(seq[i] & 0xff);
        }
        have = 0;
        need = 0;
    }

    private void escape(int unit) throws IOException {
        out.write(String.format(Locale.ROOT, "\\u%04x", unit).getBytes(StandardCharsets.US_ASCII));
    }

    private void hex(int b) throws IOException {
        out.write(String.format(Locale.ROOT, "\\x%02x", b).getBytes(StandardCharsets.US_ASCII));
    }
}
