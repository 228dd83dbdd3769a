// Finds source locations (`/path/main.go:72`, `main.go:72 +0x21`) in one terminal line, so the
// link provider asks the language server only about lines that can hold one and knows which
// characters to underline. The server decides where the file is; this only finds the text.

export interface LocationMatch {
  /** Offset of the first character of `file:line` in the line. */
  readonly start: number;
  readonly length: number;
  readonly file: string;
  readonly line: number;
}

// Source files a Go/LLGo trace names: Go, and C/assembly compiled into the same binary.
const SOURCE = String.raw`(?:[A-Za-z]:)?[^\s:()"'\[\]<>]*[^\s:()"'\[\]<>/\\]\.(?:go|c|h|cc|cpp|s|S)`;
const LOCATION = new RegExp(String.raw`(?<=^|[\s(="'\[])(${SOURCE}):(\d+)(?::\d+)?(?=$|[\s)"',:\]])`, 'g');

// Terminals hand over very long lines (minified logs); past this nothing is a trace line.
const MAX_LINE = 4096;

export function findLocations(text: string): LocationMatch[] {
  if (text.length > MAX_LINE) return [];
  const out: LocationMatch[] = [];
  for (const m of text.matchAll(LOCATION)) {
    const start = m.index ?? 0;
    const whole = `${m[1]}:${m[2]}`;
    const line = Number.parseInt(m[2], 10);
    if (line < 1) continue;
    out.push({ start, length: whole.length, file: m[1], line });
  }
  return out;
}

/** Cheap first test for the link provider: does the line look like it names a source line at all? */
export function mayHoldLocation(text: string): boolean {
  return text.length <= MAX_LINE && /\.(?:go|c|h|cc|cpp|s|S):\d/.test(text);
}
