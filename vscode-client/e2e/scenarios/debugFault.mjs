// Scenario 2: F5 on a program that faults inside C. The editor stops on the exception with gc's
// text at the faulting instruction (the C function's disassembly listing, annotated by our core:
// the binary has no DWARF), the Call Stack names the C frames and shows the Go frames with
// file:line, and selecting the Go frame that called into C opens its Go line.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeJson } from '../lib/fixture.mjs';
import { openWorkbench, screenshot, showOnlyDebugSection, waitForCursorLine } from '../lib/workbench.mjs';

export const name = 'debug: fault inside C stops with gc text, C frames named, Go frames with file:line';
export const needs = ['dap'];

export function prepare({ workspace, fixture }) {
  // trace: the DAP exchange goes to the extension's output channel, printed by run.mjs on a failure
  writeJson(`${workspace}/.vscode/launch.json`, {
    version: '0.2.0',
    configurations: [{
      type: 'llgo', request: 'launch', name: 'Debug prog segv',
      program: '${workspaceFolder}/prog', args: ['segv'], cwd: '${workspaceFolder}', trace: true,
    }],
  });
  return fixture;
}

/** Line numbers of the calls each Go frame stopped in, read from the fixture's own source. */
function lineOf(source, text) {
  const i = source.split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `source has no line with ${text}`);
  return i + 1;
}

export async function run({ context, server, workspace, fixture, artifacts, log }) {
  const page = await openWorkbench(context, server.folderUrl(workspace), `${artifacts}/browser-console-debugFault.log`);
  const source = readFileSync(fixture.sourceFile, 'utf8');
  const main = basename(fixture.sourceFile);

  // Run and Debug view, green Start button (the launch.json entry is preselected)
  await page.keyboard.press('Control+Shift+D');
  await page.locator('[aria-label^="Start Debugging"]').first().click();
  log('started; waiting for the exception stop');

  // the Call Stack list only renders rows in view: fold the other sections to give it the room
  await showOnlyDebugSection(page, 'Call Stack');
  // the Call Stack: wait until the whole stack (down to main.main) has been loaded
  const rows = page.locator('.debug-call-stack .monaco-list-row .stack-frame');
  await page.locator('.debug-call-stack .stack-frame', { hasText: 'main.main' }).first().waitFor({ state: 'visible', timeout: 30000 });
  const visibleFrames = () => rows.evaluateAll((els) => els.map((e) => {
    const label = e.querySelector('.label')?.textContent?.trim() ?? '';
    const file = e.querySelector('.file-name')?.textContent?.trim() ?? '';
    const line = e.querySelector('.line-number')?.textContent?.trim() ?? '';
    // C frames carry the adapter's disassembly listing ("name [disassembly]"), library frames nothing
    if (file.includes('[disassembly]')) return `${label} [disassembly]`;
    return file && file !== 'Unknown Source' ? `${label} ${file}:${line.split(':')[0]}` : label;
  }));
  // the list re-renders after the sections fold: read it until the top frame is in view
  let frames = await visibleFrames();
  for (let i = 0; i < 50 && !frames[0]?.startsWith('cexc_leaf_segv'); i++) {
    await page.waitForTimeout(200);
    frames = await visibleFrames();
  }
  log(`call stack: ${JSON.stringify(frames)}`);
  assert.deepEqual(frames.slice(0, 8), [
    'cexc_leaf_segv [disassembly]',
    'cexc_mid_segv [disassembly]',
    'cexc_mid_segv [disassembly]',
    'cexc_mid_segv [disassembly]',
    'cexc_segv [disassembly]',
    `main.callC ${main}:${lineOf(source, 'C.cexc_segv(')}`,
    `main.viaGo ${main}:${lineOf(source, 'r := callC(mode)')}`,
    `main.main ${main}:${lineOf(source, 'r += viaGo(mode)')}`,
  ]);

  // the editor shows the faulting C function's listing with gc's panic text in the exception widget
  await page.locator('.tabs-container .tab.active', { hasText: 'cexc_leaf_segv [disassembly]' }).waitFor({ state: 'visible' });
  const widget = page.locator('.exception-widget');
  await widget.waitFor({ state: 'visible', timeout: 20000 });
  const widgetText = await widget.innerText();
  log(`exception widget: ${widgetText.replace(/\s+/g, ' ')}`);
  assert.match(widgetText, /Exception has occurred: SIGSEGV/);
  assert.match(widgetText, /runtime error: invalid memory address or nil pointer dereference/);
  assert.match(widgetText, /goroutine 1 \[running\]:\s*cexc_leaf_segv/);
  // gc's text as `go run` prints a fault: the [signal …] line, nothing below main.main
  assert.match(widgetText, /\[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x[0-9a-f]+\]/);
  assert.match(widgetText, /main\.main\(\)\s*\S*main\.go:\d+ \+0x[0-9a-f]+/);
  assert.doesNotMatch(widgetText, /__libc_start|_start\(|runtime\.goexit/);
  const listing = (await page.locator('.editor-group-container.active .view-lines').innerText()).replace(/\u00a0/g, ' ');
  assert.match(listing, /cexc_leaf_segv/);
  assert.match(listing, /0x[0-9a-f]+/);
  const shot = await screenshot(page, artifacts, 'debug-fault');
  log(`screenshot ${shot}`);

  // the Go frame that called into C: its row opens main.go at the call
  await page.locator('.debug-call-stack .stack-frame', { hasText: 'main.callC' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: main }).waitFor({ state: 'visible' });
  const pos = await waitForCursorLine(page, lineOf(source, 'C.cexc_segv('));
  log(`main.callC opens ${main} at ${pos.text}`);
  await screenshot(page, artifacts, 'debug-fault-go-frame');

  await page.keyboard.press('Shift+F5');
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 20000 });
}
