import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatTraceLine } from '../src/debug/dapTrace';
import { DapMessage, ExceptionWidgetWatch, hasShowableSource } from '../src/debug/exceptionWidgetWatch';

/** Timers run by hand: `advance` fires what is due. */
class ManualTimers {
  private now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  set = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  };
  clear = (h: unknown): void => {
    this.due.delete(h as number);
  };
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const ready = [...this.due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!ready) break;
      this.due.delete(ready[0]);
      this.now = ready[1].at;
      ready[1].fn();
    }
    this.now = until;
  }
}

const stopped = (reason: string): DapMessage => ({ type: 'event', event: 'stopped', body: { reason } });
const disasm = { source: { name: 'leaf [disassembly]', sourceReference: 1 } };
const goFrame = { source: { path: '/w/main.go' } };
const libFrame = { source: { name: 'libc [disassembly]', sourceReference: 9, presentationHint: 'deemphasize' } };
const stack = (...frames: object[]): DapMessage => ({ type: 'response', command: 'stackTrace', success: true, body: { stackFrames: frames } });
const exceptionInfo: DapMessage = { type: 'request', command: 'exceptionInfo' };

/** Lets the watch's promise callbacks (after a nudge) run. */
const flush = () => new Promise<void>((r) => setImmediate(r));

function setUp(nudge?: (done: () => boolean) => Promise<void> | void) {
  const timers = new ManualTimers();
  let nudges = 0;
  const watch = new ExceptionWidgetWatch((done) => {
    nudges++;
    return nudge?.(done);
  }, timers, 600, 2);
  return { timers, watch, nudges: () => nudges };
}

test('an exception stop whose widget VS Code asked for is left alone', () => {
  const { timers, watch, nudges } = setUp();
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(disasm));
  watch.onClientMessage(exceptionInfo);
  watch.onAdapterMessage(stack(goFrame, goFrame));
  timers.advance(5000);
  assert.equal(nudges(), 0);
});

test('a re-fetched stack that lost the widget gets a nudge after the traffic settles, and a second one if needed', async () => {
  const { timers, watch, nudges } = setUp();
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(disasm));
  timers.advance(400);
  watch.onAdapterMessage(stack(disasm, disasm, goFrame)); // the Call Stack view's startFrame 0 fetch
  timers.advance(400);
  assert.equal(nudges(), 0, 'each page restarts the wait');
  timers.advance(300);
  assert.equal(nudges(), 1);
  await flush();
  timers.advance(600);
  assert.equal(nudges(), 2, 'the first nudge did not open it either');
  await flush();
  timers.advance(5000);
  assert.equal(nudges(), 2, 'gives up after maxNudges');
});

test('the nudge stops once VS Code asks for exceptionInfo', async () => {
  const { timers, watch, nudges } = setUp();
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(disasm, goFrame));
  timers.advance(700);
  assert.equal(nudges(), 1);
  watch.onClientMessage(exceptionInfo);
  await flush();
  timers.advance(5000);
  assert.equal(nudges(), 1);
});

test('one nudge at a time; it sees when the widget opens and when the stop is over', async () => {
  let release: () => void = () => {};
  const seen: boolean[] = [];
  const { timers, watch, nudges } = setUp((done) => new Promise<void>((r) => {
    release = () => { seen.push(done()); r(); };
  }));
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(disasm));
  timers.advance(700);
  assert.equal(nudges(), 1);
  watch.onAdapterMessage(stack(disasm, goFrame)); // a page arriving while the nudge runs
  timers.advance(5000);
  assert.equal(nudges(), 1, 'no second nudge while the first runs');
  watch.onClientMessage(exceptionInfo);
  release();
  await flush();
  timers.advance(5000);
  assert.deepEqual(seen, [true]);
  assert.equal(nudges(), 1);

  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(goFrame));
  timers.advance(700);
  assert.equal(nudges(), 2);
  watch.onAdapterMessage({ type: 'event', event: 'continued' });
  release();
  await flush();
  timers.advance(5000);
  assert.deepEqual(seen, [true, true], 'a nudge outliving its stop is told it is done');
  assert.equal(nudges(), 2);
});

test('a nudge that throws is counted and retried like one that did not help', async () => {
  const { timers, watch, nudges } = setUp(() => { throw new Error('command failed'); });
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(goFrame));
  timers.advance(700);
  await flush();
  timers.advance(700);
  await flush();
  assert.equal(nudges(), 2);
});

test('breakpoint stops, stacks without a source and resumed programs get no nudge', () => {
  const { timers, watch, nudges } = setUp();
  watch.onAdapterMessage(stopped('breakpoint'));
  watch.onAdapterMessage(stack(goFrame));
  timers.advance(5000);
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(libFrame, { source: undefined }));
  timers.advance(5000);
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(goFrame));
  watch.onAdapterMessage({ type: 'event', event: 'continued' });
  timers.advance(5000);
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(goFrame));
  watch.dispose();
  timers.advance(5000);
  assert.equal(nudges(), 0);
});

test('a new exception stop starts a fresh watch', async () => {
  const { timers, watch, nudges } = setUp();
  watch.onAdapterMessage(stopped('exception'));
  watch.onClientMessage(exceptionInfo);
  watch.onAdapterMessage({ type: 'event', event: 'continued' });
  watch.onAdapterMessage(stopped('exception'));
  watch.onAdapterMessage(stack(goFrame));
  timers.advance(700);
  assert.equal(nudges(), 1, 'the earlier stop\'s exceptionInfo does not count');
});

test('which frames VS Code can show', () => {
  assert.equal(hasShowableSource(goFrame), true);
  assert.equal(hasShowableSource(disasm), true);
  assert.equal(hasShowableSource(libFrame), false);
  assert.equal(hasShowableSource({ source: { sourceReference: 0 } }), false);
  assert.equal(hasShowableSource({}), false);
});

test('trace lines: time, direction, JSON, long messages cut with their length', () => {
  const at = new Date('2026-11-25T06:02:33.567Z');
  assert.equal(formatTraceLine('->', { command: 'threads', seq: 7 }, at), '[dap 06:02:33.567] -> {"command":"threads","seq":7}');
  const long = formatTraceLine('<-', { body: 'x'.repeat(10000) }, at);
  assert.match(long, /… \(10011 chars\)$/);
  assert.ok(long.length < 4100);
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.equal(formatTraceLine('<-', cyclic, at), '[dap 06:02:33.567] <- [object Object]');
});
