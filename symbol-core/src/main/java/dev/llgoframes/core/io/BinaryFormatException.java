package dev.llgoframes.core.io;

/**
 * A binary input (executable, sidecar, DWARF section) is truncated, lies about its sizes or is
 * otherwise not what it claims. Always names the file, the structure being read and the file
 * offset, so the message alone tells the user what is wrong.
 */
public final class BinaryFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String structure;
    private final long offset;
    private final String problem;

    public BinaryFormatException(String file, String structure, long offset, String problem) {
        super(format(file, structure, offset, problem));
        this.file = file;
        this.structure = structure;
        this.offset = offset;
        this.problem = problem;
    }

    public BinaryFormatException(String file, String structure, long offset, String problem, Throwable cause) {
        super(format(file, structure, offset, problem), cause);
        this.file = file;
        this.structure = structure;
        this.offset = offset;
        this.problem = problem;
    }

    private static String format(String file, String structure, long offset, String problem) {
        String where = offset >= 0 ? " at offset 0x" + Long.toHexString(offset) : "";
        return file + ": " + structure + where + ": " + problem;
    }

    public String file() { return file; }

    public String structure() { return structure; }

    /** File offset of the problem, or -1 when it is not tied to one place. */
    public long offset() { return offset; }

    public String problem() { return problem; }
}
