package dev.llgoframes.core.trace;

/**
 * Prints a (re-symbolized) LLGo stack in the shape LLGo itself printed it (§9.2–§9.5), so a user
 * sees LLGo's output with corrected names and locations.
 */
public final class LlgoTextRenderer {
    private LlgoTextRenderer() {}

    public static String render(LlgoStack st) {
        StringBuilder b = new StringBuilder();
        if (st.panic() != null) b.append("panic: ").append(st.panic()).append("\n\n");
        switch (st.shape()) {
            case CLITE_DUMP -> {
                for (ViewFrame f : st.frames()) clite(b, f);
            }
            case STACK_DUMP -> {
                b.append("goroutine ").append(st.printedGoroutineId()).append(" [running]:\n");
                for (ViewFrame f : st.frames()) frame(b, f, "()", false);
            }
            default -> {
                b.append("goroutine 1 [running]:\n");
                boolean fault = st.shape() == StackShape.FAULT_TRACEBACK;
                for (ViewFrame f : st.frames()) frame(b, f, "(...)", fault);
            }
        }
        return b.toString();
    }

    private static void frame(StringBuilder b, ViewFrame f, String suffix, boolean fault) {
        String name = f.function() != null ? f.function() : f.pc() != null ? "pc=" + Text.hex(f.pc()) : "???";
        b.append(name).append(suffix).append("\n\t");
        if (f.file() == null && fault && f.pc() != null) {
            b.append("pc=").append(Text.hex(f.pc() - 1)); // §9.3: raw pc for addr2line
        } else {
            b.append(f.file() == null ? "???" : f.file()).append(':').append(f.line() == null ? 0 : f.line());
            if (f.offset() != null) b.append(" +").append(Text.hex(f.offset()));
        }
        b.append('\n');
    }

    /** §9.4 with its quirk kept: the number after {@code +0x} is the name's length. */
    private static void clite(StringBuilder b, ViewFrame f) {
        String name = f.function() == null ? "(null)" : f.function();
        long pc = f.pc() == null ? 0 : f.pc();
        int len = name.equals("(null)") ? 0 : name.length();
        b.append(String.format("[0x%08X %s+0x%x, SP = 0x%x]\n", pc & 0xffffffffL, name, len, f.offset() == null ? 0 : f.offset()));
    }
}
