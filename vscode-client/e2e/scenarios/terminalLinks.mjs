// Scenario 3: panic output printed in the integrated terminal with the build machine's paths
// (/home/ci/build/app/...). With substitutePath mapping them to the workspace, the location
// is a link, and ctrl+click opens the workspace's copy of the Go file at that line.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { writeJson } from '../lib/fixture.mjs';
import { activeTab, openWorkbench, screenshot, waitForCursorLine } from '../lib/workbench.mjs';

export const name = 'terminal: a panic line with another machine\'s path is a link that opens the workspace file';
export const needs = ['lsp'];

const REMOTE = '/home/ci/build/app';

export function prepare({ workspace, fixture }) {
  mkdirSync(`${workspace}/src`, { recursive: true });
  copyFileSync(fixture.sourceFile, `${workspace}/src/${basename(fixture.sourceFile)}`);
  writeFileSync(`${workspace}/ci-crash.txt`, fixture.trace.split(dirname(fixture.sourceFile)).join(REMOTE));
  writeJson(`${workspace}/.vscode/settings.json`, {
    'llgoFrames.substitutePath': [{ from: REMOTE, to: '${workspaceFolder}/src' }],
  });
}

export async function run({ context, server, workspace, fixture, artifacts, log }) {
  const page = await openWorkbench(context, server.folderUrl(workspace), `${artifacts}/browser-console-terminalLinks.log`);
  const source = readFileSync(fixture.sourceFile, 'utf8').split('\n');
  const callLine = source.findIndex((l) => l.includes('C.cexc_segv(')) + 1;
  const printed = `${REMOTE}/${basename(fixture.sourceFile)}:${callLine}`;

  await page.keyboard.press('Control+Backquote');
  const terminal = page.locator('.terminal-wrapper .xterm-rows');
  await terminal.waitFor({ state: 'visible', timeout: 30000 });
  await page.locator('.terminal-wrapper .xterm-helper-textarea').focus();
  await page.keyboard.type('cat ci-crash.txt\n');
  const row = terminal.locator(':scope > div', { hasText: printed }).first();
  await row.waitFor({ state: 'visible', timeout: 20000 });
  log(`terminal shows ${printed}`);

  // point at the path text: xterm asks the link providers about the line under the mouse
  const box = await row.evaluate((el, text) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let all = '';
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.textContent; }
    const start = all.indexOf(text);
    const [node, offset] = nodes.filter(([, o]) => o <= start).at(-1);
    const range = document.createRange();
    range.setStart(node, start - offset + 2);
    range.setEnd(node, start - offset + 3);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, printed);
  await page.mouse.move(box.x, box.y);
  // the link is underlined once the extension's provider (asking the language server) answered
  await page.locator('.terminal-wrapper .xterm-underline-1, .terminal-wrapper .xterm-screen .xterm-decoration-overview-ruler, .terminal-wrapper [class*="underline"]').first()
    .waitFor({ state: 'attached', timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(1000);
  await screenshot(page, artifacts, 'terminal-link-hover');

  await page.keyboard.down('Control');
  await page.mouse.click(box.x, box.y);
  await page.keyboard.up('Control');
  await activeTab(page, basename(fixture.sourceFile), 30000);
  // the breadcrumbs name the folder: the workspace's src/, not the fixture's own folder
  const crumbs = (await page.locator('.editor-group-container.active .breadcrumbs-control').innerText()).replace(/\s+/g, ' ');
  log(`ctrl+click opened ${crumbs}`);
  assert.match(crumbs, /^src\W+main\.go/, `opened ${crumbs}, not the workspace copy src/main.go`);
  const pos = await waitForCursorLine(page, callLine);
  log(`at ${pos.text}`);
  await screenshot(page, artifacts, 'terminal-ctrl-click');
}
