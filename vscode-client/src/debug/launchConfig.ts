// Fills in and checks `llgo` debug configurations before VS Code hands them to the adapter.
// Pure, so the rules (defaults, F5 without launch.json, messages) are unit-tested; the adapter
// checks again, but an error here names the launch.json attribute and costs no JVM start.

export type DebugConfig = Record<string, unknown> & { type?: string; request?: string; name?: string };

export interface ResolveContext {
  /** Setting `llgoFrames.gdbPath`. */
  readonly gdbPath?: string;
}

export type Resolved =
  | { readonly kind: 'config'; readonly config: DebugConfig }
  /** F5 with no launch.json: the extension asks which executable, then calls {@link launchFor}. */
  | { readonly kind: 'askProgram' }
  | { readonly kind: 'error'; readonly message: string };

export const PICK_PROCESS = '${command:llgoFrames.pickProcess}';

/** Before variables are substituted: defaults only. */
export function withDefaults(config: DebugConfig, ctx: ResolveContext): Resolved {
  if (!config.type && !config.request && !config.name) return { kind: 'askProgram' };
  const c: DebugConfig = { ...config, type: config.type ?? 'llgo', request: config.request ?? 'launch' };
  if (!c.name) c.name = c.request === 'attach' ? 'Attach to LLGo process' : 'Launch LLGo program';
  if (c.gdbPath === undefined && ctx.gdbPath && ctx.gdbPath.trim() !== '') c.gdbPath = ctx.gdbPath.trim();
  if (c.request === 'attach' && (c.processId === undefined || c.processId === '')) c.processId = PICK_PROCESS;
  return { kind: 'config', config: c };
}

/** The configuration made for F5 without launch.json once the user chose an executable. */
export function launchFor(program: string, ctx: ResolveContext): DebugConfig {
  const c: DebugConfig = { type: 'llgo', request: 'launch', name: 'Launch LLGo program', program, args: [] };
  if (ctx.gdbPath && ctx.gdbPath.trim() !== '' && ctx.gdbPath !== 'gdb') c.gdbPath = ctx.gdbPath.trim();
  return c;
}

/** After variables are substituted: the shapes the adapter accepts, with messages naming the attribute. */
export function validate(c: DebugConfig): Resolved {
  const where = `launch.json "${c.name ?? c.request}"`;
  if (c.request !== 'launch' && c.request !== 'attach') {
    return { kind: 'error', message: `${where}: request must be "launch" or "attach", not ${JSON.stringify(c.request)}.` };
  }
  if (c.request === 'launch') {
    if (typeof c.program !== 'string' || c.program.trim() === '') {
      return { kind: 'error', message: `${where}: "program" is required: the path of the LLGo-built executable.` };
    }
    if (c.args !== undefined && !(Array.isArray(c.args) && c.args.every((a) => typeof a === 'string'))) {
      return { kind: 'error', message: `${where}: "args" must be a list of strings, e.g. ["segv"].` };
    }
    if (c.env !== undefined && (c.env === null || typeof c.env !== 'object' || Array.isArray(c.env))) {
      return { kind: 'error', message: `${where}: "env" must be an object, e.g. {"GODEBUG": "1"}.` };
    }
    if (c.coreFile !== undefined && typeof c.coreFile !== 'string') {
      return { kind: 'error', message: `${where}: "coreFile" must be a path.` };
    }
  } else {
    const pid = typeof c.processId === 'string' ? Number(c.processId.trim()) : c.processId;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) {
      return { kind: 'error', message: `${where}: "processId" must be a process id (or "${PICK_PROCESS}"), not ${JSON.stringify(c.processId)}.` };
    }
    return { kind: 'config', config: { ...c, processId: pid } };
  }
  return { kind: 'config', config: c };
}
