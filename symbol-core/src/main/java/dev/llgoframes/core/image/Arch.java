package dev.llgoframes.core.image;

/** Machine architectures LLGo targets natively. */
public enum Arch {
    X86_64("amd64", 1), AARCH64("arm64", 2);

    private final String goArch;
    private final int sidecarCode;

    Arch(String goArch, int sidecarCode) {
        this.goArch = goArch;
        this.sidecarCode = sidecarCode;
    }

    public String goArch() { return goArch; }

    /** GOARCH code in the sidecar header (§5.2). */
    public int sidecarCode() { return sidecarCode; }
}
