package dev.redoubt.app.cli;

import dev.redoubt.text.SafeText;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The command line's text streams: everything printed (tables, messages, errors, progress) passes
 * through {@link SafeText#forTerminal}, so a name from an estate or a message from AWS cannot clear
 * the screen, ring the bell, move the cursor or reverse the text around it: its controls show as
 * {@code \u001b}. Bytes written directly go through {@link TerminalDataStream}. The target's own
 * print methods do the encoding, in its charset.
 */
final class TerminalPrintStream extends PrintStream {
    private final PrintStream target;
    private final TerminalDataStream bytes;

    private TerminalPrintStream(PrintStream target) {
        super(target, true);
        this.target = target;
        this.bytes = new TerminalDataStream(target);
    }

    static PrintStream wrap(PrintStream target) {
        return target instanceof TerminalPrintStream ? target : new TerminalPrintStream(target);
    }

    private static String safe(String s) {
        return SafeText.forTerminal(s);
    }

    @Override
    public void print(String s) {
        target.print(safe(String.valueOf(s)));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(boolean b) {
        target.print(b);
    }

    @Override
    public void print(int i) {
        target.print(i);
    }

    @Override
    public void print(long l) {
        target.print(l);
    }

    @Override
    public void print(float f) {
        target.print(f);
    }

    @Override
    public void print(double d) {
        target.print(d);
    }

    @Override
    public void println() {
        target.println();
    }

    @Override
    public void println(String s) {
        target.println(safe(String.valueOf(s)));
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public void println(char c) {
        println(String.valueOf(c));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }

    @Override
    public void println(boolean b) {
        target.println(b);
    }

    @Override
    public void println(int i) {
        target.println(i);
    }

    @Override
    public void println(long l) {
        target.println(l);
    }

    @Override
    public void println(float f) {
        target.println(f);
    }

    @Override
    public void println(double d) {
        target.println(d);
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        return format(format, args);
    }

    @Override
    public PrintStream printf(Locale l, String format, Object... args) {
        return format(l, format, args);
    }

    @Override
    public PrintStream format(String format, Object... args) {
        print(String.format(Locale.getDefault(Locale.Category.FORMAT), format, args));
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        print(String.format(l, format, args));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        print(String.valueOf(csq == null ? "null" : csq).subSequence(start, end).toString());
        return this;
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }

    @Override
    public void write(int b) {
        try {
            bytes.write(b);
        } catch (IOException e) {
            setError();
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) {
        try {
            bytes.write(buf, off, len);
        } catch (IOException e) {
            setError();
        }
    }

    @Override
    public void write(byte[] buf) throws IOException {
        write(buf, 0, buf.length);
    }

    @Override
    public void writeBytes(byte[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        target.close();
    }

    @Override
    public boolean checkError() {
        return super.checkError() || target.checkError();
    }
}
