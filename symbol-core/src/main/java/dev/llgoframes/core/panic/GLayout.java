package dev.llgoframes.core.panic;

/**
 * Offsets of LLGo's per-thread runtime state on 64-bit targets (spec §8.1, §8.2; confirmed
 * against DWARF of a real build). One place, so a layout change is one edit.
 */
public final class GLayout {
    private GLayout() {}

    /** TLS {@code uintptr} holding the address of the current {@code g}. */
    public static final String CURRENT_G = "github.com/xgo-dev/llgo/runtime/internal/runtime.currentG";
    public static final String CURRENT_G_OLD = "github.com/goplus/llgo/runtime/internal/runtime.currentG";

    public static final int G_DEFER = 0;
    public static final int G_PANIC = 8;
    public static final int G_PANIC_PCS = 16;
    public static final int G_GOID = 592;

    /** panicPCStore fields, relative to {@link #G_PANIC_PCS}. */
    public static final int PCS_N = 0;
    public static final int PCS_ARMED = 4;
    public static final int PCS_FAULT = 8;
    public static final int PCS_REC_FP1 = 16;
    public static final int PCS_REC_FP2 = 24;
    public static final int PCS_PCS = 32;
    public static final int PCS_CAPACITY = 64;
    public static final int PCS_SIZE = 544;

    /** panicNode (C heap). */
    public static final int NODE_PREV = 0;
    public static final int NODE_ARG_TYPE = 8;
    public static final int NODE_ARG_DATA = 16;
    public static final int NODE_DEFER = 24;

    /** A Go string header {ptr, len}. */
    public static final int STRING_PTR = 0;
    public static final int STRING_LEN = 8;
}
