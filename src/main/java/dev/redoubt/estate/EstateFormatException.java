package dev.redoubt.estate;

/**
 * An estate file that cannot be read or is not valid: the message names the file, the JSON path
 * and what was expected there, in one line.
 */
public final class EstateFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String path;

    public EstateFormatException(String file, String path, String problem, Throwable cause) {
        super(compose(file, path, problem), cause);
        this.file = file;
        this.path = path;
    }

    private static String compose(String file, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file, or null when reading from a stream. */
    public String file() {
        return file;
    }

    /** The JSON path of the problem, such as {@code $.Accounts[2].Regions.eu-west-1.BackupVaults[0].Locked}. */
    public String path() {
        return path;
    }
}
