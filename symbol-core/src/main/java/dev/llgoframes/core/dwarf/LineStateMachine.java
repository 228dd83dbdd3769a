package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.BinaryFormatException;

/**
 * Runs one line program (DWARF 2-5 section 6.2.5) and appends its rows to a builder. Every
 * opcode consumes at least one byte and the cursor never leaves the unit, so the loop ends and
 * the number of rows is bounded by the unit size.
 */
final class LineStateMachine {
    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_SET_COLUMN = 5;
    private static final int DW_LNS_NEGATE_STMT = 6;
    private static final int DW_LNS_SET_BASIC_BLOCK = 7;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNS_SET_PROLOGUE_END = 10;
    private static final int DW_LNS_SET_EPILOGUE_BEGIN = 11;
    private static final int DW_LNS_SET_ISA = 12;

    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;
    private static final int DW_LNE_SET_DISCRIMINATOR = 4;

    private final LineHeader h;
    private final DwarfCursor in;
    private final LineFileTable files;
    private final LineRowsBuilder out;

    // State machine registers that affect rows; basic_block, prologue_end, epilogue_begin,
    // isa and discriminator are decoded but not kept.
    private long address;
    private long opIndex;
    private long file;
    private int line;
    private int column;
    private boolean isStmt;

    private LineStateMachine(LineUnit unit, String fileName, LineFileTable files, LineRowsBuilder out) {
        this.h = unit.header();
        this.in = new DwarfCursor(unit.bytes(), fileName, h.programStart());
        this.files = files;
        this.out = out;
        reset();
    }

    /** Returns the number of rows dropped because the last sequence was not terminated. */
    static int run(LineUnit unit, String fileName, LineFileTable files, LineRowsBuilder out)
            throws BinaryFormatException {
        return new LineStateMachine(unit, fileName, files, out).run();
    }

    private void reset() {
        address = 0;
        opIndex = 0;
        file = 1;
        line = 1;
        column = 0;
        isStmt = h.defaultIsStmt();
    }

    private int run() throws BinaryFormatException {
        while (in.pos() < h.unitEnd()) {
            long at = in.pos();
            int op = in.u8();
            if (op >= h.opcodeBase()) {
                special(op, at);
            } else if (op == 0) {
                extended(at);
            } else {
                standard(op, at);
            }
        }
        return out.dropOpenSequence();
    }

    private void special(int op, long at) throws BinaryFormatException {
        int adjusted = op - h.opcodeBase();
        checkLineRange(at);
        advance(adjusted / h.lineRange());
        line += h.lineBase() + adjusted % h.lineRange();
        emit(false, at);
    }

    private void standard(int op, long at) throws BinaryFormatException {
        switch (op) {
            case DW_LNS_COPY -> emit(false, at);
            case DW_LNS_ADVANCE_PC -> advance(in.uleb());
            case DW_LNS_ADVANCE_LINE -> line += (int) in.sleb();   // 32-bit register, wraps
            case DW_LNS_SET_FILE -> file = in.uleb();
            case DW_LNS_SET_COLUMN -> column = (int) Math.min(in.uleb() & Long.MAX_VALUE, Integer.MAX_VALUE);
            case DW_LNS_NEGATE_STMT -> isStmt = !isStmt;
            case DW_LNS_SET_BASIC_BLOCK, DW_LNS_SET_PROLOGUE_END, DW_LNS_SET_EPILOGUE_BEGIN -> { }
            case DW_LNS_CONST_ADD_PC -> {
                checkLineRange(at);
                advance((255 - h.opcodeBase()) / h.lineRange());
            }
            case DW_LNS_FIXED_ADVANCE_PC -> {
                address += in.u16();
                opIndex = 0;
            }
            case DW_LNS_SET_ISA -> in.uleb();
            default -> {
                // An opcode this reader does not know: the header says how many ULEB
                // arguments to skip.
                for (int i = h.standardOpcodeLengths()[op - 1]; i > 0; i--) {
                    in.uleb();
                }
            }
        }
    }

    private void extended(long at) throws BinaryFormatException {
        long len = in.ulebAtMost(h.unitEnd() - in.pos(), "extended opcode length");
        if (len == 0) {
            return;   // no sub-opcode at all; nothing to do
        }
        long end = in.pos() + len;
        int sub = in.u8();
        switch (sub) {
            case DW_LNE_END_SEQUENCE -> {
                emit(true, at);
                reset();
            }
            case DW_LNE_SET_ADDRESS -> {
                int size = (int) (len - 1);
                if (h.addressSize() != 0 && size != h.addressSize()) {
                    throw in.error(at, "DW_LNE_set_address has a " + size + "-byte operand but address_size is "
                            + h.addressSize());
                }
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    throw in.error(at, "DW_LNE_set_address has an unsupported " + size + "-byte operand");
                }
                address = in.unsigned(size);
                opIndex = 0;
            }
            case DW_LNE_DEFINE_FILE -> {
                String name = in.cString();
                long dir = in.uleb();
                in.uleb();   // modification time
                in.uleb();   // length
                files.define(name, dir);
            }
            case DW_LNE_SET_DISCRIMINATOR -> in.uleb();
            default -> { }   // unknown or vendor: skipped by its length below
        }
        if (in.pos() > end) {
            throw in.error(at, "extended opcode 0x" + Integer.toHexString(sub) + " reads past its length " + len);
        }
        in.seek(end);
    }

    /** Applies an operation advance (DWARF 4 formula; with one op per instruction it is the plain one). */
    private void advance(long operationAdvance) {
        if (h.maxOpsPerInst() == 1) {
            address += h.minInstLength() * operationAdvance;
        } else {
            long total = opIndex + operationAdvance;
            address += h.minInstLength() * Long.divideUnsigned(total, h.maxOpsPerInst());
            opIndex = Long.remainderUnsigned(total, h.maxOpsPerInst());
        }
    }

    private void checkLineRange(long at) throws BinaryFormatException {
        if (h.lineRange() == 0) {
            throw in.error(at, "special opcode or DW_LNS_const_add_pc used but line_range is 0");
        }
    }

    private void emit(boolean endSequence, long at) throws BinaryFormatException {
        int fileId = files.resolve(file, in, at);
        if (!out.add(address, fileId, line, column, isStmt, endSequence)) {
            throw in.error(at, "address 0x" + Long.toHexString(address)
                    + " is below the previous row of its sequence");
        }
    }
}
