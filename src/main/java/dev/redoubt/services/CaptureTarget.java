package dev.redoubt.services;

import java.io.OutputStream;
import java.nio.file.Path;

/** Where a scan's capture goes: Redoubt's captures folder, a file, a stream (standard output), or nowhere. */
public sealed interface CaptureTarget {
    record InHome() implements CaptureTarget {
    }

    record ToFile(Path file) implements CaptureTarget {
    }

    record ToStream(OutputStream out) implements CaptureTarget {
    }

    record Nowhere() implements CaptureTarget {
    }

    static CaptureTarget inHome() {
        return new InHome();
    }

    static CaptureTarget file(Path file) {
        return new ToFile(file);
    }

    static CaptureTarget stream(OutputStream out) {
        return new ToStream(out);
    }

    static CaptureTarget nowhere() {
        return new Nowhere();
    }
}
