// End-to-end tests of the extension in a real VS Code (code-server 4.139) in Debian's Chromium.
// Usage: node e2e/run.mjs [scenario-file-name ...]   (from vscode-client/, after the Maven build)
// Env: LLGO_FRAMES_E2E_TOOLS (toolchain folder; else scripts/install-vscode-e2e.sh is run),
//      LLGO_FRAMES_LSP_JAR / LLGO_FRAMES_DAP_JAR (jars other than the Maven build's),
//      LLGO_FRAMES_E2E_KEEP=1 (keep the run folder).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { CodeServer } from './lib/codeServer.mjs';
import { buildFixture } from './lib/fixture.mjs';
import { killLeftoversOf, recordGroupsIn, stopAllGroups } from './lib/processes.mjs';
import { screenshot } from './lib/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const client = resolve(here, '..');
const repo = resolve(client, '..');
const artifacts = join(here, 'artifacts');
const SCENARIOS = ['debugFault', 'traceLinks', 'terminalLinks'];
const SCENARIO_TIMEOUT_MS = 180000;

const started = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${msg}`);

const jars = {
  dap: process.env.LLGO_FRAMES_DAP_JAR || join(repo, 'dap-adapter/target/llgo-frames-dap.jar'),
  lsp: process.env.LLGO_FRAMES_LSP_JAR || join(repo, 'lsp-server/target/llgo-frames-lsp.jar'),
};
const WHY_MISSING = {
  lsp: 'the language server jar is not built (lsp-server/target/llgo-frames-lsp.jar): run mvn -q -ntp install -DskipTests',
  dap: 'the debug adapter jar is not built (dap-adapter/target/llgo-frames-dap.jar): run mvn -q -ntp install -DskipTests',
};

function toolchain() {
  if (process.env.LLGO_FRAMES_E2E_TOOLS) return process.env.LLGO_FRAMES_E2E_TOOLS;
  return execFileSync('bash', [join(repo, 'scripts/install-vscode-e2e.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** The .vsix under test. Without the LSP jar only the debugger can be tested: a dap-only package. */
function packageExtension(haveLsp) {
  const env = { ...process.env, LLGO_FRAMES_DAP_JAR: jars.dap, LLGO_FRAMES_LSP_JAR: jars.lsp };
  if (haveLsp) {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: client, env, stdio: ['ignore', 'inherit', 'inherit'] });
    return join(client, 'llgo-frames.vsix');
  }
  execFileSync('npm', ['run', '--silent', 'compile'], { cwd: client, env, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync('node', ['scripts/copy-jars.mjs', '--only=dap'], { cwd: client, env, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync(join(client, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', 'llgo-frames-dap-only.vsix'],
    { cwd: client, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return join(client, 'llgo-frames-dap-only.vsix');
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); })])
    .finally(() => clearTimeout(timer));
}

async function main() {
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : SCENARIOS;
  mkdirSync(artifacts, { recursive: true });
  const runDir = mkdtempSync(join(tmpdir(), 'llgo-frames-e2e-'));
  recordGroupsIn(join(runDir, 'process-groups'));
  writeFileSync(join(artifacts, 'run-dir.txt'), `${runDir}\n`);
  const results = [];
  let server;
  let context;
  const cleanup = async () => {
    await context?.close().catch(() => {});
    await stopAllGroups();
    // VS Code's own logs (extension host, window, debug) explain most failures
    if (server && existsSync(join(runDir, 'user-data/logs'))) {
      rmSync(join(artifacts, 'vscode-logs'), { recursive: true, force: true });
      cpSync(join(runDir, 'user-data/logs'), join(artifacts, 'vscode-logs'), { recursive: true });
    }
    const left = killLeftoversOf(runDir);
    if (left) log(`killed ${left} leftover process(es) of this run`);
    if (process.env.LLGO_FRAMES_E2E_KEEP !== '1') rmSync(runDir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => { log(`${sig}: stopping everything this run started`); void cleanup().finally(() => process.exit(130)); });
  }

  try {
    const tools = toolchain();
    log(`toolchain ${tools}`);
    const have = { dap: existsSync(jars.dap), lsp: existsSync(jars.lsp) };
    if (!have.dap) throw new Error(WHY_MISSING.dap);
    const vsix = packageExtension(have.lsp);
    log(`packaged ${vsix}${have.lsp ? '' : ' (debug adapter only: ' + WHY_MISSING.lsp + ')'}`);

    server = new CodeServer(tools, runDir);
    server.installExtension(vsix);
    await server.start(join(artifacts, 'code-server.log'));
    log(`code-server on port ${server.port}`);
    context = await launchBrowser(tools, runDir);

    for (const id of wanted) {
      const scenario = await import(`./scenarios/${id}.mjs`);
      const missing = scenario.needs.filter((j) => !have[j]);
      if (missing.length) {
        results.push({ id, name: scenario.name, error: missing.map((j) => WHY_MISSING[j]).join('; ') });
        log(`FAIL ${id}: ${results.at(-1).error}`);
        continue;
      }
      const workspace = join(runDir, `ws-${id}`);
      mkdirSync(join(workspace, '.vscode'), { recursive: true });
      const fixture = buildFixture(repo, workspace);
      scenario.prepare({ workspace, fixture, runDir });
      const t0 = Date.now();
      log(`RUN  ${id}: ${scenario.name}`);
      const before = new Set(context.pages());
      try {
        await withTimeout(scenario.run({ context, server, workspace, fixture, artifacts, log: (m) => log(`  ${m}`) }), SCENARIO_TIMEOUT_MS, id);
        results.push({ id, name: scenario.name, seconds: (Date.now() - t0) / 1000 });
        log(`ok   ${id} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        results.push({ id, name: scenario.name, error: e?.stack ?? String(e) });
        log(`FAIL ${id}: ${e?.stack ?? e}`);
        const page = context.pages().at(-1);
        if (page) await screenshot(page, artifacts, `failure-${id}`).catch(() => {});
      }
      // each scenario has its own window (folder, extension host); close it before the next
      for (const p of context.pages()) if (!before.has(p)) await p.close().catch(() => {});
    }
  } catch (e) {
    results.push({ id: 'setup', name: 'toolchain, packaging and startup', error: e?.stack ?? String(e) });
    log(`FAIL setup: ${e?.stack ?? e}`);
  } finally {
    await cleanup();
  }

  const failed = results.filter((r) => r.error);
  if (failed.length) printExtensionLogs();
  for (const r of results) console.log(`${r.error ? 'FAIL' : 'ok  '} ${r.id}: ${r.name}${r.error ? `\n     ${r.error.split('\n')[0]}` : ''}`);
  console.log(`vscode-e2e: ${results.length - failed.length} passed, ${failed.length} failed`);
  log('done');
  process.exit(failed.length ? 1 : 0);
}

/** The extension's output channel of every window (DAP traces of `"trace": true` sessions, server
 *  start-up): CI shows only stdout, and these explain most failures. */
function printExtensionLogs() {
  const logs = join(artifacts, 'vscode-logs');
  if (!existsSync(logs)) return;
  for (const f of readdirSync(logs, { recursive: true })) {
    if (!String(f).endsWith('LLGo Frames.log')) continue;
    const lines = readFileSync(join(logs, String(f)), 'utf8').split('\n').filter((l) => l.trim() !== '');
    console.log(`--- ${f} (last ${Math.min(lines.length, 80)} of ${lines.length} lines)`);
    for (const l of lines.slice(-80)) console.log(l.length > 300 ? `${l.slice(0, 300)}…` : l);
  }
}

await main();
