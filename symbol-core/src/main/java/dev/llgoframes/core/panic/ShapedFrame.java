package dev.llgoframes.core.panic;

import dev.llgoframes.core.trace.FrameKind;

/**
 * One frame of the gc-shaped panic view.
 *
 * @param source index into the input frames it shows, or -1 for a frame gc has and LLGo does not
 *               ({@code runtime.sigpanic}, or {@code panic} when no LLGo frame stands for it)
 * @param name   the name to show when it is not the input frame's own ({@code panic}, {@code runtime.sigpanic}); null otherwise
 * @param kind   {@link FrameKind#PANIC} for gc's {@code panic} frame, RUNTIME for {@code runtime.sigpanic}, else null (the input's kind)
 */
public record ShapedFrame(int source, String name, FrameKind kind) {
    public static final String PANIC = "panic";
    public static final String SIGPANIC = "runtime.sigpanic";

    public boolean inferred() { return source < 0; }
}
