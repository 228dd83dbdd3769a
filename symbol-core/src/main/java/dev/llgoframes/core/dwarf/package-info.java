/**
 * DWARF line tables: {@link dev.llgoframes.core.dwarf.DwarfLineTable} decodes .debug_line
 * (versions 2-5, 32- and 64-bit) into compact arrays for pc-to-line lookup and line-to-address
 * breakpoints; {@link dev.llgoframes.core.dwarf.DebugSections} inflates SHF_COMPRESSED sections
 * first. Malformed input always ends in a
 * {@link dev.llgoframes.core.io.BinaryFormatException}, with work and memory bounded by the
 * input size.
 */
package dev.llgoframes.core.dwarf;
