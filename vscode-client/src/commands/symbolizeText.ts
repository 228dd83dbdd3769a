// Reading the pcs a user typed and printing what the server answered for them. Pure.

export interface SymbolizedPc {
  pc: string;
  function: string | null;
  file: string | null;
  line: number | null;
  kind?: string;
  provenance?: string;
}

/** "0x401640, 4016fb 0x7f…" → ["0x401640", "0x4016fb", …]; an error names the first bad token. */
export function parsePcs(text: string): { pcs: string[] } | { error: string } {
  const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { error: 'Enter one or more hexadecimal addresses, e.g. 0x401640.' };
  const pcs: string[] = [];
  for (const t of tokens) {
    const h = /^0x/i.test(t) ? t.slice(2) : t;
    if (!/^[0-9a-fA-F]{1,16}$/.test(h)) return { error: `'${t}' is not a hexadecimal address.` };
    pcs.push('0x' + h.toLowerCase());
  }
  return { pcs };
}

/** One line per pc, like `llgo-frames symbolize`: pc, function, file:line, kind, provenance. */
export function formatSymbolized(frames: readonly SymbolizedPc[]): string {
  return frames.map((f) => {
    const where = f.file ? `${f.file}:${f.line ?? 0}` : '??:0';
    return [f.pc, f.function ?? '??', where, f.kind ?? '', f.provenance ?? ''].filter((x) => x !== '').join(' ');
  }).join('\n');
}
