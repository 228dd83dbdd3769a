package dev.llgoframes.core.image;

/** Operating system an executable was built for; decides loader behaviour a reader must emulate. */
public enum Goos {
    LINUX("linux", 1), DARWIN("darwin", 2);

    private final String name;
    private final int sidecarCode;

    Goos(String name, int sidecarCode) {
        this.name = name;
        this.sidecarCode = sidecarCode;
    }

    public String goos() { return name; }

    /** GOOS code in the sidecar header (§5.2). */
    public int sidecarCode() { return sidecarCode; }
}
