package dev.llgoframes.core.trace;

/**
 * One frame as printed. Numbers are what the text says, nothing is interpreted yet.
 *
 * @param function          function name as printed ({@code (null)} and {@code pc=0x…} included)
 * @param functionRange     exact range of the name token
 * @param args              text between the final parentheses ({@code "..."}, {@code ""}, gc's words); null
 *                          when the syntax has no argument list
 * @param file              file as printed ({@code ???} included); null when the frame has no file:line
 * @param line              line as printed; null with {@code file}
 * @param locationRange     exact range of the {@code file:line} token; null with {@code file}
 * @param offset            printed {@code +0x…}; for clite lines the number after {@code SP = } (the real
 *                          offset, §9.4 quirk: the {@code +0x} there is the name's length)
 * @param printedPc         {@code pc=0x…} of a location line (LLGo: pc − 1; gc system mode: the pc), or the
 *                          clite {@code [0x…} value (low 32 bits only)
 * @param fp                gc {@code fp=0x…} (GOTRACEBACK=system/crash), else null
 * @param sp                gc {@code sp=0x…}, else null
 * @param functionLineIndex 0-based line number of the name line
 * @param locationLineIndex 0-based line number of the location line, −1 when there is none
 */
public record TraceFrame(
        FrameSyntax syntax,
        String function,
        TextRange functionRange,
        String args,
        String file,
        Integer line,
        TextRange locationRange,
        Long offset,
        Long printedPc,
        Long fp,
        Long sp,
        int functionLineIndex,
        int locationLineIndex) {

    /** True when the location is a real file (not absent, not {@code ???}). */
    public boolean hasSourceFile() { return file != null && !file.equals("???"); }

    /** gc prints {@code (...)} for inlined frames; LLGo prints it for every panic-traceback frame. */
    public boolean elidedArgs() { return "...".equals(args); }
}
