package dev.llgoframes.core.trace;

/**
 * What the gc view may know beyond the LLGo text.
 *
 * @param goroot            GOROOT for the {@code panic} frame's file; null: taken from the frames, else
 *                          {@code $GOROOT}
 * @param realGoroutineId   the goroutine's real id (e.g. {@code g.goid} from a debugger), null if unknown
 * @param signalCode        {@code si_code} of the fault as gc prints it ({@code 0x1}), null if unknown
 * @param signalAddr        {@code si_addr} of the fault ({@code 0x0}), null if unknown
 */
public record GcViewOptions(String goroot, Long realGoroutineId, String signalCode, String signalAddr) {
    public static final GcViewOptions NONE = new GcViewOptions(null, null, null, null);
}
