// Scenario 1: a trace LLGo printed for the fixture's crash, opened in the program's workspace
// (its Go source and the binary; the trace names the folder it was built in, mapped with
// substitutePath, since the server only links into workspace and configured folders). Its
// locations are links, hovering one shows the function and the source line, and ctrl+click
// opens the workspace's Go file at that line.
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeJson } from '../lib/fixture.mjs';
import { editorLine, hoverShowing, openFile, openWorkbench, screenshot, waitForCursorLine, activeTab } from '../lib/workbench.mjs';

export const name = 'trace: links underlined, hover shows function and source line, ctrl+click opens the Go line';
export const needs = ['lsp'];

export function prepare({ workspace, fixture }) {
  writeFileSync(`${workspace}/crash.trace`, fixture.trace);
  copyFileSync(fixture.sourceFile, `${workspace}/${basename(fixture.sourceFile)}`);
  writeJson(`${workspace}/.vscode/settings.json`, {
    'llgoFrames.binaries': ['${workspaceFolder}/prog'],
    'llgoFrames.substitutePath': [{ from: fixture.sourceDir, to: '${workspaceFolder}' }],
  });
}

export async function run({ context, server, workspace, fixture, artifacts, log }) {
  const page = await openWorkbench(context, server.folderUrl(workspace), `${artifacts}/browser-console-traceLinks.log`);
  const source = readFileSync(fixture.sourceFile, 'utf8').split('\n');
  const callLine = source.findIndex((l) => l.includes('C.cexc_segv(')) + 1;
  const location = `${basename(fixture.sourceFile)}:${callLine}`;

  await openFile(page, 'crash.trace');
  await page.locator('.statusbar-item', { hasText: 'LLGo Trace' }).first().waitFor({ state: 'visible' });

  // the language server's document links are underlined (Monaco's .detected-link)
  const line = editorLine(page, location);
  // Monaco splits the link into one span per token: the path's span is the one to point at
  const link = line.locator('.detected-link', { hasText: basename(fixture.sourceFile) }).first();
  await link.waitFor({ state: 'visible', timeout: 60000 });
  const links = await page.locator('.view-lines .detected-link').count();
  log(`${links} links underlined; hovering ${location}`);
  assert.ok(links >= 4, `expected a link on every Go location, saw ${links}`);

  // the link's own tooltip comes first; the server's hover (with the source line) follows it
  const sourceText = source[callLine - 1].trim();
  const hover = await hoverShowing(page, link, sourceText, { log });
  const hoverText = await hover.innerText();
  log(`hover: ${hoverText.replace(/\s+/g, ' ')}`);
  assert.match(hoverText, /main\.callC/);
  assert.ok(hoverText.includes(sourceText), `hover lacks the source line "${sourceText}"`);
  await screenshot(page, artifacts, 'trace-hover');

  // close the hover (it covers the lines above) and follow the link as a person does
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  // Monaco takes the mouse on its own layer, not on the text spans: click at the link's place
  const box = await link.boundingBox();
  await page.keyboard.down('Control');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.up('Control');
  await activeTab(page, basename(fixture.sourceFile));
  const pos = await waitForCursorLine(page, callLine);
  const crumbs = (await page.locator('.editor-group-container.active .breadcrumbs-control').innerText()).replace(/\s+/g, ' ');
  log(`ctrl+click opened ${crumbs} at ${pos.text}`);
  assert.match(crumbs, /^main\.go/, `opened ${crumbs}, not the workspace's main.go`);
  await screenshot(page, artifacts, 'trace-ctrl-click');
}
