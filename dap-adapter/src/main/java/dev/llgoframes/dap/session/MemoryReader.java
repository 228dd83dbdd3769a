package dev.llgoframes.dap.session;

import java.util.List;

/**
 * DAP's readMemory over the backend: the readable bytes from the start address, and how many
 * unreadable bytes follow them (so a client can skip past a hole).
 */
final class MemoryReader {
    /** Larger requests are answered in part; the client asks again from where the data ends. */
    static final int MAX_READ = 1 << 20;

    record Result(long address, byte[] data, int unreadable) {}

    private final Backend backend;

    MemoryReader(Backend backend) {
        this.backend = backend;
    }

    Result read(long address, int count) {
        int n = Math.min(Math.max(count, 0), MAX_READ);
        if (n == 0) {
            return new Result(address, new byte[0], 0);
        }
        List<MemoryBlock> blocks;
        try {
            blocks = backend.readMemoryBlocks(address, n);
        } catch (BackendException e) {
            // gdb refuses some ranges whole (a readable start running into a hole): find the readable prefix
            int readable = readablePrefix(address, n);
            return new Result(address, readable == 0 ? new byte[0] : backend.readMemory(address, readable), n - readable);
        }
        if (blocks.isEmpty() || blocks.get(0).address() != address) {
            long firstReadable = blocks.isEmpty() ? address + n : blocks.get(0).address();
            return new Result(address, new byte[0], (int) Math.min(n, firstReadable - address));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n);
        long at = address;
        long holeEnd = address + n;
        for (MemoryBlock b : blocks) {
            if (b.address() != at) {
                holeEnd = b.address();
                break;
            }
            out.write(b.bytes(), 0, (int) Math.min(b.bytes().length, address + n - at));
            at = address + out.size();
        }
        byte[] data = out.toByteArray();
        return new Result(address, data, (int) Math.max(0, Math.min(address + n, holeEnd) - (address + data.length)));
    }

    /** Length of the longest readable prefix, by bisection. */
    private int readablePrefix(long address, int n) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (int) (((long) lo + hi + 1) / 2);
            if (readable(address, mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private boolean readable(long address, int length) {
        try {
            backend.readMemory(address, length);
            return true;
        } catch (BackendException e) {
            return false;
        }
    }
}
