import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatSymbolized, parsePcs } from '../src/commands/symbolizeText';

test('pcs as users type them', () => {
  assert.deepEqual(parsePcs('0x401640, 4016FB\n0X7fe885'), { pcs: ['0x401640', '0x4016fb', '0x7fe885'] });
  assert.deepEqual(parsePcs('  '), { error: 'Enter one or more hexadecimal addresses, e.g. 0x401640.' });
  assert.deepEqual(parsePcs('0x40 main.go'), { error: "'main.go' is not a hexadecimal address." });
  assert.deepEqual(parsePcs('0x12345678901234567'), { error: "'0x12345678901234567' is not a hexadecimal address." });
});

test('one line per pc, like the CLI', () => {
  assert.equal(formatSymbolized([
    { pc: '0x401641', function: 'cexc_leaf_segv', file: null, line: null, kind: 'c', provenance: 'symtab' },
    { pc: '0x4016fb', function: 'main.callC', file: '/src/main.go', line: 78, kind: 'go', provenance: 'tables' },
    { pc: '0x7fe8', function: null, file: null, line: null, kind: 'c', provenance: 'symtab' },
  ]), '0x401641 cexc_leaf_segv ??:0 c symtab\n0x4016fb main.callC /src/main.go:78 go tables\n0x7fe8 ?? ??:0 c symtab');
});
