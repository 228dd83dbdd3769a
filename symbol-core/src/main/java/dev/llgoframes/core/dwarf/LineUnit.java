package dev.llgoframes.core.dwarf;

import dev.llgoframes.core.io.ByteSlice;

/** One line program: its parsed header and its bytes, from unit_length to the unit's end. */
record LineUnit(LineHeader header, ByteSlice bytes) {}
