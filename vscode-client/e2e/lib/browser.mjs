// Debian's chromium driven by playwright-core (never a downloaded browser), fresh profile per run.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { adoptGroupsOf } from './processes.mjs';

export async function launchBrowser(tools, runDir) {
  const require = createRequire(join(tools, 'vscode/package.json'));
  const { chromium } = require('playwright-core');
  const profile = join(runDir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    env: { ...process.env, XDG_CONFIG_HOME: join(runDir, 'xdg-config'), XDG_CACHE_HOME: join(runDir, 'xdg-cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  adoptGroupsOf(profile); // playwright starts chromium in a group of its own: stop it with the rest
  // clipboard for Paste Panic Output and friends
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context;
}
