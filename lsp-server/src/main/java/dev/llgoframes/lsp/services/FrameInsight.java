package dev.llgoframes.lsp.services;

import dev.llgoframes.core.trace.Goroutine;
import dev.llgoframes.core.trace.LlgoStack;
import dev.llgoframes.core.trace.TraceFrame;
import dev.llgoframes.core.trace.Traceback;
import dev.llgoframes.core.trace.ViewFrame;

import java.util.List;

/**
 * Everything known about one printed frame, decided in one place so link, hover and diagnostics agree.
 *
 * @param view          the frame as re-symbolized (or as printed when no binary is used)
 * @param stack         LLGo's stack the frame belongs to; null for gc tracebacks
 * @param binary        the binary used; null when none
 * @param printedWrong  the binary shows the printed name and {@code file:line} are not this pc's (LLGo
 *                      prints the preceding Go function for a pc inside C code)
 * @param file          where a link goes (printed or corrected); null: no link
 * @param line          line of {@code file}
 * @param noLinkReason  why {@code file} is null although the frame printed a location; null otherwise
 * @param notes         what changed or needs saying, in display order
 */
public record FrameInsight(FrameRef ref, Traceback traceback, Goroutine goroutine, TraceFrame printed, ViewFrame view,
        LlgoStack stack, LoadedBinary binary, boolean printedWrong, String file, Integer line, String noLinkReason,
        List<String> notes) {

    public FrameInsight {
        notes = List.copyOf(notes);
    }
}
