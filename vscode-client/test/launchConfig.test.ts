import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { launchFor, PICK_PROCESS, validate, withDefaults } from '../src/debug/launchConfig';
import { parseProcessList } from '../src/debug/processList';

test('F5 without launch.json asks for the executable', () => {
  assert.deepEqual(withDefaults({}, {}), { kind: 'askProgram' });
  assert.deepEqual(launchFor('/w/prog', { gdbPath: '/opt/gdb/bin/gdb' }),
    { type: 'llgo', request: 'launch', name: 'Launch LLGo program', program: '/w/prog', args: [], gdbPath: '/opt/gdb/bin/gdb' });
  assert.equal(launchFor('/w/prog', { gdbPath: 'gdb' }).gdbPath, undefined, 'the default gdb is not written out');
});

test('defaults: gdbPath from the setting, a name, attach picks a process', () => {
  const r = withDefaults({ type: 'llgo', request: 'launch', program: 'p' }, { gdbPath: '/usr/bin/gdb-multiarch' });
  assert.deepEqual(r, { kind: 'config', config: { type: 'llgo', request: 'launch', program: 'p', name: 'Launch LLGo program', gdbPath: '/usr/bin/gdb-multiarch' } });
  const own = withDefaults({ type: 'llgo', request: 'launch', name: 'n', program: 'p', gdbPath: 'mygdb' }, { gdbPath: 'other' });
  assert.equal(own.kind === 'config' && own.config.gdbPath, 'mygdb', 'launch.json wins over the setting');
  const a = withDefaults({ type: 'llgo', request: 'attach', name: 'a' }, {});
  assert.equal(a.kind === 'config' && a.config.processId, PICK_PROCESS);
});

test('launch checks name the attribute', () => {
  const base = { type: 'llgo', request: 'launch', name: 'Debug prog' };
  assert.match((validate(base) as { message: string }).message, /launch\.json "Debug prog": "program" is required/);
  assert.match((validate({ ...base, program: 'p', args: 'segv' }) as { message: string }).message, /"args" must be a list of strings/);
  assert.match((validate({ ...base, program: 'p', env: ['A=1'] }) as { message: string }).message, /"env" must be an object/);
  assert.match((validate({ ...base, request: 'run' }) as { message: string }).message, /request must be "launch" or "attach"/);
  const ok = { ...base, program: '/w/prog', args: ['segv'], env: { A: '1' }, stopOnEntry: false };
  assert.deepEqual(validate(ok), { kind: 'config', config: ok });
  assert.equal(validate({ ...base, program: '/w/prog', coreFile: '/w/core' }).kind, 'config');
});

test('attach takes the picked pid as a number', () => {
  const base = { type: 'llgo', request: 'attach', name: 'Attach' };
  assert.deepEqual(validate({ ...base, processId: ' 4242 ' }), { kind: 'config', config: { ...base, processId: 4242 } });
  assert.equal(validate({ ...base, processId: 17 }).kind, 'config');
  assert.match((validate({ ...base, processId: 'abc' }) as { message: string }).message, /"processId" must be a process id/);
  assert.match((validate({ ...base }) as { message: string }).message, /"processId"/);
});

test('ps output for the attach picker', () => {
  const ps = '    1 init            /sbin/init splash\n  812 prog            /w/prog segv --flag\n  900 node            node ext.js\nbad line\n';
  assert.deepEqual(parseProcessList(ps, 900), [
    { pid: 1, command: 'init', args: '/sbin/init splash' },
    { pid: 812, command: 'prog', args: '/w/prog segv --flag' },
  ]);
});
