// Copies the two server jars from the Maven build into server/ for packaging; stops the
// packaging with the command to run when one is missing (a .vsix without its server is useless).
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const client = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(client, '..');
const all = [
  { kind: 'lsp', from: process.env.LLGO_FRAMES_LSP_JAR || join(repo, 'lsp-server/target/llgo-frames-lsp.jar'), to: 'llgo-frames-lsp.jar' },
  { kind: 'dap', from: process.env.LLGO_FRAMES_DAP_JAR || join(repo, 'dap-adapter/target/llgo-frames-dap.jar'), to: 'llgo-frames-dap.jar' },
];
// --only=dap: the e2e harness's debugger-only package while the language server is not built
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const jars = only ? all.filter((j) => j.kind === only) : all;
rmSync(join(client, 'server'), { recursive: true, force: true });
const missing = jars.filter((j) => !existsSync(j.from));
if (missing.length > 0) {
  console.error(`package: missing ${missing.map((j) => j.from).join(', ')}\n  build them first: (cd ${repo} && mvn -q -ntp install -DskipTests)`);
  process.exit(1);
}
mkdirSync(join(client, 'server'), { recursive: true });
for (const j of jars) {
  copyFileSync(j.from, join(client, 'server', j.to));
  console.log(`package: ${j.to} ← ${j.from}`);
}
