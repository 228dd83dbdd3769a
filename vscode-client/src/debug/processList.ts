// Parses `ps` output for the attach picker. Pure: the picker runs ps, this reads it.

export interface ProcessEntry {
  readonly pid: number;
  readonly command: string;
  readonly args: string;
}

/** Lines of `ps -axo pid=,comm=,args=` (no header): pid, short command, full command line. */
export function parseProcessList(text: string, selfPid?: number): ProcessEntry[] {
  const out: ProcessEntry[] = [];
  for (const raw of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\S+)\s*(.*)$/.exec(raw);
    if (!m) continue;
    const pid = Number.parseInt(m[1], 10);
    if (pid === selfPid) continue;
    out.push({ pid, command: m[2], args: m[3].trim() });
  }
  return out;
}
