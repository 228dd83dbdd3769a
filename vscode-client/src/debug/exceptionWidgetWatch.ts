// Watches one debug session's DAP traffic for exception stops whose exception widget VS Code
// never asked for. VS Code (1.139) shows the widget only when the focused frame object is the
// first frame with a source of the thread's current call stack, and it checks only when the
// focus or the editor's model changes. Two known races leave it closed:
//  - the Call Stack view re-fetches the stack (startFrame 0) while the top frame is being focused:
//    the focused frame object is replaced, the check fails, and nothing checks again;
//  - the top frames have no source (a library) and the first Go frame's editor opens before that
//    frame has focus.
// The widget asks the adapter for exceptionInfo when it opens, so a stop whose stack has a frame
// with a source but no exceptionInfo request once the stack traffic has settled needs a nudge:
// a focus change that makes VS Code check again. Pure (no vscode import) so it is unit-tested.

/** Moves VS Code's focus so it looks again; `done` turns true once the widget is opening. */
export type Nudge = (done: () => boolean) => Promise<void> | void;

export interface DapMessage {
  type?: string;
  event?: string;
  command?: string;
  success?: boolean;
  body?: {
    reason?: string;
    stackFrames?: { source?: { path?: string; sourceReference?: number; presentationHint?: string } }[];
  };
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

type Frame = NonNullable<NonNullable<DapMessage['body']>['stackFrames']>[number];

/** A frame VS Code can show in an editor and does not skip when it looks for the exception frame. */
export function hasShowableSource(f: Frame): boolean {
  const s = f.source;
  if (!s || s.presentationHint === 'deemphasize') return false;
  return !!s.path || (s.sourceReference ?? 0) > 0;
}

export class ExceptionWidgetWatch {
  private stopped = false; // an exception stop is being watched
  private asked = false; // VS Code asked for its exceptionInfo: the widget is opening
  private showable = false; // some frame of its stack has a source
  private nudges = 0;
  private nudging = false;
  private generation = 0; // which stop a running nudge belongs to
  private timer: unknown;

  constructor(
    private readonly nudge: Nudge,
    private readonly timers: Timers,
    // VS Code asks for exceptionInfo within ~100 ms of its last stack page here, ~700 ms on a busy
    // machine: waiting longer costs a late widget only when it was lost, and saves needless nudges
    private readonly settleMs = 1500,
    private readonly maxNudges = 2,
  ) {}

  /** A message from VS Code to the adapter. */
  onClientMessage(m: DapMessage): void {
    if (this.stopped && m.type === 'request' && m.command === 'exceptionInfo') {
      this.asked = true;
      this.cancel();
    }
  }

  /** A message from the adapter to VS Code. */
  onAdapterMessage(m: DapMessage): void {
    if (m.type === 'event') {
      if (m.event === 'stopped') {
        this.reset(m.body?.reason === 'exception');
      } else if (m.event === 'continued' || m.event === 'terminated' || m.event === 'exited') {
        this.reset(false);
      }
    } else if (this.stopped && !this.asked && m.type === 'response' && m.command === 'stackTrace' && m.success) {
      if ((m.body?.stackFrames ?? []).some(hasShowableSource)) this.showable = true;
      this.schedule(); // each page of frames restarts the wait: VS Code decides after the last one
    }
  }

  dispose(): void {
    this.reset(false);
  }

  private check(): void {
    this.timer = undefined;
    if (!this.stopped || this.asked || !this.showable || this.nudging || this.nudges >= this.maxNudges) return;
    this.nudges++;
    this.nudging = true;
    const stop = this.generation;
    const done = () => this.asked || this.generation !== stop || !this.stopped;
    let result: Promise<void> | void;
    try {
      result = this.nudge(done);
    } catch {
      result = undefined;
    }
    void Promise.resolve(result)
      .catch(() => undefined)
      .finally(() => {
        if (this.generation !== stop) return;
        this.nudging = false;
        if (!done()) this.schedule(); // look again: the nudge itself may have lost a race
      });
  }

  private schedule(): void {
    if (this.nudging) return; // the running nudge looks again when it ends
    this.cancel();
    this.timer = this.timers.set(() => this.check(), this.settleMs);
  }

  private cancel(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private reset(exceptionStop: boolean): void {
    this.cancel();
    this.generation++;
    this.nudging = false;
    this.stopped = exceptionStop;
    this.asked = false;
    this.showable = false;
    this.nudges = 0;
  }
}
