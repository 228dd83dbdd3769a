package dev.llgoframes.core.trace;

import java.util.Arrays;

/**
 * Start and end offsets of every line, computed once in a single pass. A line ends before
 * {@code \n}, {@code \r\n} or a lone {@code \r}; the terminator is not part of the line.
 */
final class LineTable {
    private int[] starts;
    private int[] ends;
    private final int count;

    LineTable(String s) {
        int cap = Math.max(16, s.length() / 40);
        starts = new int[cap];
        ends = new int[cap];
        int n = 0;
        int start = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                n = add(n, start, i);
                if (c == '\r' && i + 1 < len && s.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < len) n = add(n, start, len);
        count = n;
    }

    private int add(int n, int start, int end) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = start;
        ends[n] = end;
        return n + 1;
    }

    int count() { return count; }

    int start(int line) { return starts[line]; }

    int end(int line) { return ends[line]; }
}
