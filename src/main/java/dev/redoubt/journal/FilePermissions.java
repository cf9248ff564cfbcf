package dev.redoubt.journal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Owner-only files and folders for the journal's database, sidecar, key and native library. */
final class FilePermissions {
    private FilePermissions() {
    }

    static void ownerOnly(Path path) throws IOException {
        boolean dir = Files.isDirectory(path);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(dir ? "rwx------" : "rw-------"));
        } else {
            var f = path.toFile();
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
    }

    static void ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir);
    }
}
