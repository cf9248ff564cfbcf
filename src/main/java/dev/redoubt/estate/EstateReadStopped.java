package dev.redoubt.estate;

/** A read stopped because its {@link ReadProgress} asked it to (a user's Cancel): nothing of the file is kept. */
public final class EstateReadStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EstateReadStopped(String name, long done, long total) {
        super(name + ": reading stopped after " + done + " of " + total + " bytes, as asked");
    }
}
