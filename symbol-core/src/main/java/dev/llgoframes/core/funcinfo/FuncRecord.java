package dev.llgoframes.core.funcinfo;

/** One function record (§3.2), with its 1-based funcIndex and the strings already joined. */
public record FuncRecord(int index, String symbol, String display, String file, int line) {
    /** Name the runtime reports: display name if present, else the symbol (§2.2). */
    public String functionName() {
        return Names.publicName(display.isEmpty() ? symbol : display);
    }
}
