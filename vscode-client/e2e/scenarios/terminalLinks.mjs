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
  // with ctrl held, xterm turns the pointer into a hand once a link provider (ours, asking the
  // language server) claimed the text under the mouse; it asks again on each move, so wiggle until
  // the answer is there
  await page.keyboard.down('Control');
  const pointer = page.locator('.terminal-wrapper .xterm-cursor-pointer');
  const deadline = Date.now() + 30000;
  for (let i = 0; !(await pointer.count()); i++) {
    if (Date.now() > deadline) {
      await page.keyboard.up('Control');
      throw new Error(`no link under the mouse on ${printed} after 30 s`);
    }
    await page.mouse.move(box.x + (i % 2), box.y);
    await page.waitForTimeout(250);
  }
  log(`link under the mouse after ${((30000 - (deadline - Date.now())) / 1000).toFixed(1)} s`);
  await screenshot(page, artifacts, 'terminal-link-hover');

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
