import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { resolveServerSettings, withBinaryFirst } from '../src/config/serverSettings';
import { absoluteFromWorkspace, expandVariables } from '../src/config/variables';

const ctx = {
  folders: [{ name: 'app', path: '/home/u/app' }, { name: 'lib', path: '/home/u/lib' }],
  home: '/home/u',
  env: { GOPATH: '/home/u/go' },
};

test('variables settings may hold', () => {
  assert.equal(expandVariables('${workspaceFolder}/bin/prog', ctx), '/home/u/app/bin/prog');
  assert.equal(expandVariables('${workspaceFolder:lib}/x', ctx), '/home/u/lib/x');
  assert.equal(expandVariables('${workspaceFolderBasename}', ctx), 'app');
  assert.equal(expandVariables('${env:GOPATH}/pkg/mod', ctx), '/home/u/go/pkg/mod');
  assert.equal(expandVariables('${env:NOPE}/x', ctx), '/x');
  assert.equal(expandVariables('~/bin/prog', ctx), '/home/u/bin/prog');
  assert.equal(expandVariables('${userHome}/p', ctx), '/home/u/p');
  assert.equal(expandVariables('${command:foo}', ctx), '${command:foo}', 'unknown variables stay');
  assert.equal(expandVariables('${workspaceFolder}', { folders: [] }), '${workspaceFolder}', 'no folder: left as written');
});

test('relative paths are taken from the first workspace folder', () => {
  assert.equal(absoluteFromWorkspace('out/prog', ctx), '/home/u/app/out/prog');
  assert.equal(absoluteFromWorkspace('./out/*', ctx), '/home/u/app/out/*');
  assert.equal(absoluteFromWorkspace('/abs/prog', ctx), '/abs/prog');
  assert.equal(absoluteFromWorkspace('out/prog', { folders: [] }), 'out/prog');
});

test('the settings the server receives', () => {
  const s = resolveServerSettings({
    binaries: ['out/prog', '${workspaceFolder}/build/**/prog', '', 42, 'out/prog'],
    substitutePath: [
      { from: '/build/src', to: '${workspaceFolder}' },
      { from: '/ci/${env:GOPATH}', to: 'vendor' },
      { from: '', to: '/x' },
      { from: '/only-from' },
      'junk',
    ],
    goroot: '~/sdk/go1.24',
    diagnostics: false,
  }, ctx);
  assert.deepEqual(s, {
    binaries: ['/home/u/app/out/prog', '/home/u/app/build/**/prog'],
    substitutePath: [
      { from: '/build/src', to: '/home/u/app' },
      { from: '/ci//home/u/go', to: '/home/u/app/vendor' },
    ],
    goroot: '/home/u/sdk/go1.24',
    diagnostics: false,
  });
});

test('defaults when nothing is set (or the JSON is wrong)', () => {
  const empty = { binaries: [], substitutePath: [], goroot: null, diagnostics: true };
  assert.deepEqual(resolveServerSettings({}, ctx), empty);
  assert.deepEqual(resolveServerSettings({ binaries: 'x', substitutePath: {}, goroot: 7, diagnostics: 'no' }, ctx),
    { ...empty, binaries: ['/home/u/app/x'] });
  assert.deepEqual(resolveServerSettings({ goroot: '   ' }, ctx), empty);
});

test('Select Binary puts the choice first once', () => {
  assert.deepEqual(withBinaryFirst(['a', 'b', 'c'], 'b'), ['b', 'a', 'c']);
  assert.deepEqual(withBinaryFirst(undefined, '/p'), ['/p']);
  assert.deepEqual(withBinaryFirst(['x', 3], '/p'), ['/p', 'x']);
});
