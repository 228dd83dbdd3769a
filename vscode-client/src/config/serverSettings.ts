// The `llgoFrames` section as the language server receives it: same keys as the user's settings,
// with variables expanded and relative paths made absolute (the server has no notion of
// `${workspaceFolder}`), and wrong entries dropped here so the server sees clean input.
import { absoluteFromWorkspace, expandVariables, VariableContext } from './variables';

export interface Substitution {
  readonly from: string;
  readonly to: string;
}

export interface ServerSettings {
  readonly binaries: string[];
  readonly substitutePath: Substitution[];
  readonly goroot: string | null;
  readonly diagnostics: boolean;
}

/** What `workspace.getConfiguration('llgoFrames')` hands us, untyped: users edit JSON by hand. */
export interface RawSettings {
  readonly binaries?: unknown;
  readonly substitutePath?: unknown;
  readonly goroot?: unknown;
  readonly diagnostics?: unknown;
}

export function resolveServerSettings(raw: RawSettings, ctx: VariableContext): ServerSettings {
  const binaries = (Array.isArray(raw.binaries) ? raw.binaries : typeof raw.binaries === 'string' ? [raw.binaries] : [])
    .filter((b): b is string => typeof b === 'string' && b.trim() !== '')
    .map((b) => absoluteFromWorkspace(b.trim(), ctx));

  const substitutePath: Substitution[] = [];
  if (Array.isArray(raw.substitutePath)) {
    for (const s of raw.substitutePath) {
      if (s && typeof s === 'object' && typeof s.from === 'string' && typeof s.to === 'string' && s.from !== '') {
        // `from` is the other machine's path: expand variables but never make it relative to ours
        substitutePath.push({ from: expandVariables(s.from, ctx), to: absoluteFromWorkspace(s.to, ctx) });
      }
    }
  }

  const goroot = typeof raw.goroot === 'string' && raw.goroot.trim() !== '' ? absoluteFromWorkspace(raw.goroot.trim(), ctx) : null;
  const diagnostics = typeof raw.diagnostics === 'boolean' ? raw.diagnostics : true;
  return { binaries: dedupe(binaries), substitutePath, goroot, diagnostics };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** The binaries list with `binary` put first (Select Binary for Trace), stored as the user would write it. */
export function withBinaryFirst(current: unknown, binary: string): string[] {
  const list = Array.isArray(current) ? current.filter((x): x is string => typeof x === 'string') : [];
  return [binary, ...list.filter((x) => x !== binary)];
}
