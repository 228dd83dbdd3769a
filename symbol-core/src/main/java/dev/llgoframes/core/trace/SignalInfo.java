package dev.llgoframes.core.trace;

/**
 * gc's {@code [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x48f2b6]} line.
 * Fields the text lacks are null.
 */
public record SignalInfo(String name, String description, String code, String addr, Long pc, TextRange range,
        int lineIndex) {

    /** The text between the brackets, as gc prints it. */
    public static String format(String name, String description, String code, String addr, Long pc) {
        StringBuilder b = new StringBuilder(name).append(": ").append(description);
        b.append(" code=").append(code == null ? "?" : code);
        b.append(" addr=").append(addr == null ? "?" : addr);
        b.append(" pc=").append(pc == null ? "?" : "0x" + Long.toHexString(pc));
        return b.toString();
    }
}
