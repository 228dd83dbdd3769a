import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findLocations, mayHoldLocation } from '../src/terminal/locationMatcher';

function tokens(line: string) {
  return findLocations(line).map((m) => ({ text: line.substr(m.start, m.length), file: m.file, line: m.line }));
}

test('LLGo and gc frame locations, with offsets and register dumps', () => {
  assert.deepEqual(tokens('\t/tmp/llgo-frames-fixtures/src-standard-3e7b/main.go:72 +0x21'),
    [{ text: '/tmp/llgo-frames-fixtures/src-standard-3e7b/main.go:72', file: '/tmp/llgo-frames-fixtures/src-standard-3e7b/main.go', line: 72 }]);
  assert.deepEqual(tokens('\t/usr/local/go/src/runtime/panic.go:770 +0x132 fp=0xc000 sp=0xc000 pc=0x43'),
    [{ text: '/usr/local/go/src/runtime/panic.go:770', file: '/usr/local/go/src/runtime/panic.go', line: 770 }]);
  assert.deepEqual(tokens('\tmain.go:39'), [{ text: 'main.go:39', file: 'main.go', line: 39 }]);
});

test('C sources, relative paths, Windows paths and compiler-style columns', () => {
  assert.deepEqual(tokens('  at cexc.c:12:5: segfault here'), [{ text: 'cexc.c:12', file: 'cexc.c', line: 12 }]);
  assert.deepEqual(tokens('see ./pkg/x_test.go:8)'), [{ text: './pkg/x_test.go:8', file: './pkg/x_test.go', line: 8 }]);
  assert.deepEqual(tokens('\tC:\\build\\app\\main.go:7 +0x1'), [{ text: 'C:\\build\\app\\main.go:7', file: 'C:\\build\\app\\main.go', line: 7 }]);
  assert.deepEqual(tokens('(/a/b.go:3)'), [{ text: '/a/b.go:3', file: '/a/b.go', line: 3 }]);
});

test('not locations', () => {
  for (const line of ['goroutine 1 [running]:', 'main.callC(...)', '\tpc=0x401640', 'pc=0x401640 main.go', 'http://host:8080/x.go', 'x.go:0', 'version.goo:3', '.go:5', 'a.go:b']) {
    assert.deepEqual(tokens(line), [], line);
  }
  assert.equal(mayHoldLocation('panic: boom'), false);
  assert.equal(mayHoldLocation('\t/x/main.go:72 +0x21'), true);
  assert.equal(mayHoldLocation('x'.repeat(5000) + ' a.go:1'), false);
});

test('two locations on one line are both found, in order', () => {
  assert.deepEqual(tokens('a.go:1 -> b.go:2').map((t) => t.text), ['a.go:1', 'b.go:2']);
});
