package dev.llgoframes.lsp.services;

/** Address of a printed frame: traceback, goroutine, frame index ({@link #CREATED_BY} for gc's created-by frame). */
public record FrameRef(int traceback, int goroutine, int frame) {
    public static final int CREATED_BY = -1;

    public boolean createdBy() { return frame == CREATED_BY; }
}
