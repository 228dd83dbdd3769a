package dev.llgoframes.dap.session;

import dev.llgoframes.core.panic.MemoryReadException;
import dev.llgoframes.core.panic.ProcessMemory;

/** The stopped inferior's memory for the core's panic readers. */
final class BackendMemory implements ProcessMemory {
    private final Backend backend;

    BackendMemory(Backend backend) {
        this.backend = backend;
    }

    @Override
    public byte[] read(long address, int length) {
        try {
            return backend.readMemory(address, length);
        } catch (BackendException e) {
            throw new MemoryReadException(address, e.getMessage());
        }
    }

    @Override
    public boolean readable(long address) {
        try {
            backend.readMemory(address, 1);
            return true;
        } catch (BackendException e) {
            return false;
        }
    }
}
