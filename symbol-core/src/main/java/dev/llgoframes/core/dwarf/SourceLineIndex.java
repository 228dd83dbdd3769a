package dev.llgoframes.core.dwarf;

import java.util.Arrays;

/**
 * is_stmt rows grouped by file and sorted by line, for "where does line N of file F start"
 * (breakpoints). One long per statement row: the line in the high half, the row in the low half.
 */
final class SourceLineIndex {
    private final int[] fileStart;   // entries of file f are [fileStart[f], fileStart[f + 1])
    private final long[] lineAndRow;

    SourceLineIndex(int fileCount, int rowCount, int[] file, int[] line, byte[] flags) {
        fileStart = new int[fileCount + 1];
        int n = 0;
        for (int r = 0; r < rowCount; r++) {
            if (isStatement(flags[r])) {
                fileStart[file[r] + 1]++;
                n++;
            }
        }
        for (int f = 0; f < fileCount; f++) {
            fileStart[f + 1] += fileStart[f];
        }
        lineAndRow = new long[n];
        int[] next = Arrays.copyOf(fileStart, fileCount);
        for (int r = 0; r < rowCount; r++) {
            if (isStatement(flags[r])) {
                lineAndRow[next[file[r]]++] = ((long) line[r] << 32) | r;
            }
        }
        for (int f = 0; f < fileCount; f++) {
            Arrays.sort(lineAndRow, fileStart[f], fileStart[f + 1]);
        }
    }

    private static boolean isStatement(byte flags) {
        return (flags & LineRowsBuilder.STMT) != 0 && (flags & LineRowsBuilder.END) == 0;
    }

    /** Rows of file id {@code fileId} at {@code line}, in row order. */
    int[] rowsAt(int fileId, int line) {
        int from = fileStart[fileId];
        int to = fileStart[fileId + 1];
        int i = Arrays.binarySearch(lineAndRow, from, to, (long) line << 32);   // row 0 would sort first
        if (i < 0) {
            i = -i - 1;
        }
        int j = i;
        while (j < to && (int) (lineAndRow[j] >> 32) == line) {
            j++;
        }
        int[] rows = new int[j - i];
        for (int k = i; k < j; k++) {
            rows[k - i] = (int) lineAndRow[k];
        }
        return rows;
    }
}
