package dev.llgoframes.core.macho;

import dev.llgoframes.core.image.Arch;

import java.util.Optional;

/**
 * One architecture slice of a Mach-O file: the whole file for a thin image, a fat_arch entry of
 * a universal one. {@code arch} is empty for a CPU this reader does not support.
 */
public record MachOSlice(int index, int cpuType, int cpuSubtype, long offset, long size, int alignPower) {
    public Optional<Arch> arch() {
        return switch (cpuType) {
            case MachO.CPU_TYPE_X86_64 -> Optional.of(Arch.X86_64);
            case MachO.CPU_TYPE_ARM64 -> Optional.of(Arch.AARCH64);
            default -> Optional.empty();
        };
    }

    public boolean is64Bit() { return (cpuType & MachO.CPU_ARCH_ABI64) != 0; }

    public String cpuName() { return MachO.cpuName(cpuType); }

    public String describe() {
        return "slice " + index + ": " + cpuName() + " at 0x" + Long.toHexString(offset) + ", " + size + " bytes";
    }
}
