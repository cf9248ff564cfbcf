package dev.redoubt.findings;

/** The six facets of REL09-BP02 the catalogue is organised by. */
public enum Facet {
    ENC("Encryption"),
    ACC("Least privilege, separation of duties, detection"),
    IMM("Immutability"),
    ISO("Isolation"),
    RST("Restore validation"),
    MPA("Multi-party approval");

    private final String title;

    Facet(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
