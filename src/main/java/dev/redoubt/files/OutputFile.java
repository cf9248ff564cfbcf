package dev.redoubt.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file that a person named for Redoubt to write (a report, a capture, an estate, an export, an AWS
 * config), written without harming whatever is at that path:
 * <ul>
 *   <li>nothing there, or a regular file: written atomically (a temporary file beside it, then moved
 *       over it), so a failure leaves the old file as it was;</li>
 *   <li>a device or a named pipe (/dev/null, /dev/stdout, a FIFO): written through, never replaced;</li>
 *   <li>a symbolic link: followed on purpose, as the shell's {@code >} follows it; the link stays and
 *       what it points to is written by the rules above. A link that points nowhere is refused, and so
 *       is a link in a folder that anyone may write to (/tmp) made by someone else than you or the
 *       folder's owner: the rule Linux applies with fs.protected_symlinks, so that nobody can plant a
 *       link that makes an administrator's run overwrite another file;</li>
 *   <li>a folder: refused.</li>
 * </ul>
 * Refusals are {@link Refused}, an IOException whose message says why in a few words, to follow the path.
 */
public final class OutputFile {
    private static final int MAX_LINKS = 40;
    private static final int STICKY = 01000;
    private static final int OTHERS_WRITE = 0002;

    private OutputFile() {
    }

    /** Why a path is not written; the message follows the path ("x: it is a folder..."). */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** How {@link #write} writes a path. */
    public enum Way {
        /** Nothing or a regular file there: a temporary file beside it, moved over it. */
        REPLACE,
        /** A device or a named pipe: opened and written, never replaced. */
        THROUGH
    }

    /** Writes what {@code content} produces to {@code target} as the class comment says; returns how. */
    public static Way write(Path target, SafeFiles.Content content, boolean ownerOnly) throws IOException {
        BasicFileAttributes own = attributes(target, LinkOption.NOFOLLOW_LINKS);
        if (own == null || own.isRegularFile()) {
            SafeFiles.writeAtomically(target, content, ownerOnly);
            return Way.REPLACE;
        }
        if (own.isDirectory()) {
            throw new Refused("it is a folder; name a file in it");
        }
        if (own.isOther()) {
            through(target, content, LinkOption.NOFOLLOW_LINKS);
            return Way.THROUGH;
        }
        return followLink(target, content, ownerOnly);
    }

    /**
     * True when both paths exist and are the same file, however spelled: through "..", another
     * relative path, a symbolic link or a hard link. Used to refuse writing over a command's own input.
     */
    public static boolean sameFile(Path a, Path b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Way followLink(Path link, SafeFiles.Content content, boolean ownerOnly) throws IOException {
        Path p = link.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new Refused("it is a symbolic link that goes round in circles; name a file");
            }
            Path dir = p.getParent();
            Path realDir = dir.toRealPath();
            if (realDir.startsWith("/proc")) {
                // /dev/stdout, /dev/fd/N: the process's own open file; write into it whatever it is
                through(link, content);
                return Way.THROUGH;
            }
            refuseLinkPlantedByAnother(link, p, dir);
            p = dir.resolve(Files.readSymbolicLink(p));
        }
        BasicFileAttributes target = attributes(link);
        if (target == null) {
            throw new Refused("it is a symbolic link to " + Files.readSymbolicLink(link) + ", which does not exist;"
                    + " name the file itself or remove the link");
        }
        if (target.isDirectory()) {
            throw new Refused("it is a symbolic link to a folder; name a file in it");
        }
        if (target.isOther()) {
            through(link, content);
            return Way.THROUGH;
        }
        SafeFiles.writeAtomically(link.toRealPath(), content, ownerOnly);
        return Way.REPLACE;
    }

    /** Linux's fs.protected_symlinks: in a sticky folder anyone may write to, only links of yours or the folder owner's are followed. */
    private static void refuseLinkPlantedByAnother(Path named, Path link, Path dir) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(dir, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return;
        }
        if ((mode & STICKY) == 0 || (mode & OTHERS_WRITE) == 0) {
            return;
        }
        String linkOwner = Files.getOwner(link, LinkOption.NOFOLLOW_LINKS).getName();
        if (linkOwner.equals(System.getProperty("user.name")) || linkOwner.equals(Files.getOwner(dir).getName())) {
            return;
        }
        throw new Refused("it is a symbolic link" + (link.equals(named.toAbsolutePath()) ? "" : " (through " + link + ")")
                + " that " + linkOwner + " made in " + dir + ", a folder anyone can write to; Redoubt does not follow it."
                + " Name the file itself");
    }

    private static void through(Path target, SafeFiles.Content content, OpenOption... extra) throws IOException {
        OpenOption[] options = new OpenOption[2 + extra.length];
        options[0] = StandardOpenOption.WRITE;
        options[1] = StandardOpenOption.APPEND; // a device or a pipe does not care; standard output redirected with >> is kept
        System.arraycopy(extra, 0, options, 2, extra.length);
        try (OutputStream raw = Files.newOutputStream(target, options)) {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            content.writeTo(out);
            out.flush();
        }
    }

    private static BasicFileAttributes attributes(Path path, LinkOption... options) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
