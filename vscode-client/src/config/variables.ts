// Expands the few VS Code variables our settings may hold. Settings are not run through VS Code's
// own resolver (only launch.json and tasks are), so `${workspaceFolder}` in a setting is ours to do.

export interface VariableContext {
  /** Absolute paths of the workspace folders, first one is the default. */
  readonly folders: readonly { readonly name: string; readonly path: string }[];
  readonly home?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Expands `${workspaceFolder}`, `${workspaceFolder:name}`, `${workspaceFolderBasename}`, `${userHome}`, `${env:X}` and a leading `~`. Unknown variables stay as written. */
export function expandVariables(value: string, ctx: VariableContext): string {
  let out = value.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    const first = ctx.folders[0];
    if (name === 'workspaceFolder' || name === 'workspaceRoot') return first ? first.path : whole;
    if (name === 'workspaceFolderBasename') return first ? first.name : whole;
    if (name === 'userHome') return ctx.home ?? whole;
    if (name.startsWith('workspaceFolder:')) {
      const f = ctx.folders.find((x) => x.name === name.slice('workspaceFolder:'.length));
      return f ? f.path : whole;
    }
    if (name.startsWith('env:')) return ctx.env?.[name.slice(4)] ?? '';
    return whole;
  });
  if (ctx.home && (out === '~' || out.startsWith('~/'))) out = ctx.home + out.slice(1);
  return out;
}

/** A path from a setting made absolute: relative ones are taken from the first workspace folder. */
export function absoluteFromWorkspace(value: string, ctx: VariableContext): string {
  const p = expandVariables(value, ctx);
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || ctx.folders.length === 0) return p;
  return ctx.folders[0].path.replace(/[\\/]+$/, '') + '/' + p.replace(/^\.\//, '');
}
