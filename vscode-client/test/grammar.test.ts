// The TextMate grammar run by the same engine VS Code uses (vscode-textmate + oniguruma) on a
// trace as LLGo prints it and as the gc view prints it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '..', '..');
let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(join(root, 'syntaxes/llgo-trace.tmLanguage.json'), 'utf8'), 'x.json'),
  });
  grammar = (await registry.loadGrammar('source.llgo-trace'))!;
});

/** Each non-blank, scoped token of each line with its scopes below the root. */
function scopes(text: string): [string, string][] {
  let state = textmate.INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim() !== '' && t.scopes.length > 1) out.push([s, t.scopes.slice(1).join(' ')]);
    }
    state = r.ruleStack;
  }
  return out;
}

test('gc view: header, signal, goroutine, C frames, Go frames, offsets, runtime tail', () => {
  const trace = [
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x401640]',
    '',
    'goroutine 1 [running]:',
    'cexc_leaf_segv',
    '\tpc=0x401640',
    'main.callC()',
    '\t/src/main.go:78 +0x27',
    'main.(*T).M(0xc000010000)',
    '\t/src/main.go:15 +0x1d',
    'runtime.main()',
    '\t/usr/local/go/src/runtime/proc.go:271 +0x29d',
    'created by main.main in goroutine 1',
    '\t/src/main.go:12 +0x1d',
    'exit status 2',
  ].join('\n');
  assert.deepEqual(scopes(trace), [
    ['panic', 'keyword.control.panic.llgo-trace'],
    [':', 'punctuation.separator.llgo-trace'],
    ['runtime error: invalid memory address or nil pointer dereference', 'string.unquoted.message.llgo-trace'],
    ['[', 'punctuation.definition.signal.begin.llgo-trace'],
    ['signal', 'keyword.control.signal.llgo-trace'],
    ['SIGSEGV', 'constant.language.signal.llgo-trace'],
    [': segmentation violation', 'string.unquoted.signal.llgo-trace'],
    ['code', 'variable.parameter.llgo-trace'],
    ['0x1', 'constant.numeric.llgo-trace'],
    ['addr', 'variable.parameter.llgo-trace'],
    ['0x0', 'constant.numeric.hex.llgo-trace'],
    ['pc', 'variable.parameter.llgo-trace'],
    ['0x401640', 'constant.numeric.hex.llgo-trace'],
    [']', 'punctuation.definition.signal.end.llgo-trace'],
    ['goroutine', 'markup.heading.goroutine.llgo-trace keyword.other.goroutine.llgo-trace'],
    ['1', 'markup.heading.goroutine.llgo-trace constant.numeric.goroutine-id.llgo-trace'],
    ['[', 'markup.heading.goroutine.llgo-trace punctuation.definition.state.begin.llgo-trace'],
    ['running', 'markup.heading.goroutine.llgo-trace storage.modifier.state.llgo-trace'],
    [']', 'markup.heading.goroutine.llgo-trace punctuation.definition.state.end.llgo-trace'],
    [':', 'markup.heading.goroutine.llgo-trace punctuation.separator.llgo-trace'],
    ['cexc_leaf_segv', 'entity.name.function.c.llgo-trace support.function.c.llgo-trace'],
    ['pc', 'variable.parameter.llgo-trace'],
    ['=', 'keyword.operator.llgo-trace'],
    ['0x401640', 'constant.numeric.hex.pc.llgo-trace'],
    ['main.callC', 'entity.name.function.go.llgo-trace'],
    ['()', 'variable.parameter.arguments.llgo-trace'],
    ['/src/main.go', 'string.unquoted.path.llgo-trace'],
    [':', 'punctuation.separator.llgo-trace'],
    ['78', 'constant.numeric.line.llgo-trace'],
    ['+0x27', 'constant.numeric.hex.offset.llgo-trace'],
    ['main.(*T).M', 'entity.name.function.go.llgo-trace'],
    ['(0xc000010000)', 'variable.parameter.arguments.llgo-trace'],
    ['/src/main.go', 'string.unquoted.path.llgo-trace'],
    [':', 'punctuation.separator.llgo-trace'],
    ['15', 'constant.numeric.line.llgo-trace'],
    ['+0x1d', 'constant.numeric.hex.offset.llgo-trace'],
    ['runtime.main', 'meta.frame.runtime.llgo-trace comment.line.frame.runtime.llgo-trace support.function.runtime.llgo-trace'],
    ['()', 'meta.frame.runtime.llgo-trace comment.line.arguments.llgo-trace'],
    ['/usr/local/go/src/runtime/proc.go:271 +0x29d', 'meta.frame.runtime.llgo-trace comment.line.location.runtime.llgo-trace'],
    ['created by', 'keyword.other.created-by.llgo-trace'],
    ['main.main', 'entity.name.function.go.llgo-trace'],
    ['in goroutine', 'keyword.other.created-by.llgo-trace'],
    ['1', 'constant.numeric.goroutine-id.llgo-trace'],
    ['/src/main.go', 'string.unquoted.path.llgo-trace'],
    [':', 'punctuation.separator.llgo-trace'],
    ['12', 'constant.numeric.line.llgo-trace'],
    ['+0x1d', 'constant.numeric.hex.offset.llgo-trace'],
    ['exit status 2', 'comment.line.exit-status.llgo-trace'],
  ]);
});

test("LLGo's own shape: (...) arguments, LLGo runtime packages dimmed, pc lines", () => {
  const s = scopes([
    'main.cleanup(...)',
    '\t/tmp/src/main.go:72 +0x21',
    'github.com/goplus/llgo/runtime/internal/runtime.TracePanic(...)',
    '\tpc=0x4010eb',
    'runtime.goexit(...)',
    '\tpc=0x4010eb',
  ].join('\n'));
  assert.deepEqual(s.slice(0, 2), [['main.cleanup', 'entity.name.function.go.llgo-trace'], ['(...)', 'variable.parameter.arguments.llgo-trace']]);
  assert.deepEqual(s[6], ['github.com/goplus/llgo/runtime/internal/runtime.TracePanic', 'meta.frame.runtime.llgo-trace comment.line.frame.runtime.llgo-trace support.function.runtime.llgo-trace']);
  assert.deepEqual(s[8], ['pc=0x4010eb', 'meta.frame.runtime.llgo-trace comment.line.location.runtime.llgo-trace']);
  assert.equal(s.filter(([t]) => t === 'runtime.goexit')[0][1].split(' ')[0], 'meta.frame.runtime.llgo-trace');
});

test('package paths with dots and generics are Go functions', () => {
  assert.deepEqual(scopes('example.com/x/pkg.(*Server).Serve(0x1)')[0], ['example.com/x/pkg.(*Server).Serve', 'entity.name.function.go.llgo-trace']);
  assert.deepEqual(scopes('main.generic[...](...)')[0], ['main.generic[...]', 'entity.name.function.go.llgo-trace']);
  assert.deepEqual(scopes('main.main.func1()')[0], ['main.main.func1', 'entity.name.function.go.llgo-trace']);
});
