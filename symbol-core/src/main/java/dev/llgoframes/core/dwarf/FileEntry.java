package dev.llgoframes.core.dwarf;

/** A file-table entry as written in the line program header: a name and its directory index. */
record FileEntry(String name, long directoryIndex) {}
