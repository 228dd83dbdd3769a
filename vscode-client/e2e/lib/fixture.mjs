// The program every scenario looks at: the repo's standard fixture (gcc-built, carries LLGo's
// tables, `prog segv` faults in C under main.callC ← main.viaGo ← main.main), its truth file,
// and the panic trace LLGo's runtime prints for that crash.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function buildFixture(repo, workspace) {
  const fixtures = join(repo, 'tests/fixtures/target');
  if (!existsSync(join(fixtures, 'classpath.txt'))) {
    throw new Error(`fixture toolchain not built (${fixtures}/classpath.txt missing): run mvn -q -ntp install -DskipTests first`);
  }
  const cp = `${readFileSync(join(fixtures, 'classpath.txt'), 'utf8').trim()}:${join(fixtures, 'classes')}`;
  execFileSync('java', ['-cp', cp, 'dev.llgoframes.fixtures.FixtureMain', 'standard', 'nopie', workspace], { stdio: ['ignore', 'pipe', 'inherit'] });
  const program = join(workspace, 'prog');
  const truth = JSON.parse(readFileSync(join(workspace, 'expect.json'), 'utf8'));

  // the crash as LLGo's runtime prints it (names C frames after the Go function before them)
  const crash = spawnSync(program, ['segv'], { encoding: 'utf8' });
  const emulate = spawnSync(join(repo, 'llgo-frames'), ['emulate', program, '--fault'], { input: `${crash.stdout}${crash.stderr}`, encoding: 'utf8' });
  if (emulate.status !== 0 || !emulate.stdout.includes('goroutine 1 [running]:')) {
    throw new Error(`llgo-frames emulate failed (${emulate.status}): ${emulate.stderr}`);
  }
  const trace = emulate.stdout;
  return { program, truth, trace, sourceFile: fnTruth(truth, 'main.main').file, sourceDir: dirname(fnTruth(truth, 'main.main').file) };
}

export function fnTruth(truth, name) {
  const f = truth.goFunctions.find((x) => x.display === name || x.symbol === name);
  if (!f) throw new Error(`expect.json has no Go function ${name}`);
  return f;
}

/** Line of the k-th CALL anchor of a function: where its frame points when it called on. */
export function callLine(truth, name, k = 0) {
  const calls = truth.anchors.filter((a) => (a.display === name || a.symbol === name) && a.kind === 'CALL').sort((a, b) => a.line - b.line);
  if (!calls[k]) throw new Error(`expect.json has no CALL anchor ${k} in ${name}`);
  return calls[k].line;
}

export function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
