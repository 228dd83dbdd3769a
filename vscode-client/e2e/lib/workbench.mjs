import { appendFileSync } from 'node:fs';

// What a person does in the VS Code workbench, as playwright calls. Waits are on what the page
// shows (selectors, texts), never fixed sleeps.

export async function openWorkbench(context, url, consoleLog) {
  const page = await context.newPage();
  // the renderer's console holds the workbench's errors (failed debug starts, extension errors)
  if (consoleLog) page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  page.setDefaultTimeout(30000);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
  await page.locator('.statusbar').waitFor({ state: 'visible' });
  // the explorer shows the folder once the remote file system is connected
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60000 });
  return page;
}

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Quick Open (ctrl+P) with a workspace-relative or absolute path. */
export async function openFile(page, path) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(path);
  const name = path.split('/').pop();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await activeTab(page, name);
}

export async function activeTab(page, name, timeout = 30000) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout });
}

/** "Ln 78, Col 1" from the status bar. */
export async function cursorPosition(page) {
  const item = page.locator('#status\\.editor\\.selection');
  await item.waitFor({ state: 'visible' });
  const text = (await item.innerText()).trim();
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]), text } : { text };
}

export async function waitForCursorLine(page, line, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await cursorPosition(page).catch(() => undefined);
    if (last?.line === line) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`cursor never reached line ${line} (status bar: ${last?.text})`);
}

/** The visible line of the active editor that holds `text`. */
export function editorLine(page, text) {
  return page.locator('.editor-group-container.active .view-lines .view-line', { hasText: text }).first();
}

export async function screenshot(page, artifacts, name) {
  const file = `${artifacts}/${name}.png`;
  await page.screenshot({ path: file });
  return file;
}

/**
 * Points the mouse at `target` until a hover holding `text` shows. Monaco drops a hover when the
 * editor's decorations change under it (links and diagnostics arrive while the server is still
 * loading the binary on a slow machine), so a person would move away and point again; so does
 * this, up to `attempts` times, and then falls back to the keyboard's "Show Hover" at the same
 * place. The error names what every attempt saw.
 */
export async function hoverShowing(page, target, text, { attempts = 4, wait = 12000, log = () => {} } = {}) {
  const hover = page.locator('.monaco-hover:visible', { hasText: text }).first();
  const seen = [];
  for (let i = 1; i <= attempts + 1; i++) {
    await page.mouse.move(5, 5);
    if (i <= attempts) {
      await target.hover();
    } else {
      // keyboard: put the cursor in the link (a plain click does not follow it) and ask for the hover
      await target.click();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
    }
    try {
      await hover.waitFor({ state: 'visible', timeout: wait });
      if (i > 1) log(`hover showed on attempt ${i}${i > attempts ? ' (keyboard)' : ''}`);
      return hover;
    } catch {
      const shown = await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => []);
      seen.push(`attempt ${i}: ${shown.length ? shown.map((s) => s.replace(/\s+/g, ' ')).join(' | ') : 'no hover'}`);
    }
  }
  throw new Error(`no hover with "${text}" appeared; ${seen.join('; ')}`);
}

/**
 * In the Run and Debug view, folds every section but `keep` (and unfolds `keep`), so a list that
 * renders only the rows in view (the Call Stack) has the room. Headers move while sections fold
 * and the view is still laying out, so a click can land on the neighbour: the end state is checked
 * and the clicks repeated until it holds.
 */
export async function showOnlyDebugSection(page, keep, others = ['Variables', 'Watch', 'Breakpoints']) {
  const header = (title, state) => page.locator(`.debug-pane .pane-header${state}`, { hasText: title }).first();
  for (let attempt = 0; attempt < 10; attempt++) {
    let clicked = false;
    for (const title of others) {
      if (await header(title, '.expanded').count()) {
        await header(title, '.expanded').click();
        clicked = true;
      }
    }
    if (await header(keep, ':not(.expanded)').count()) {
      await header(keep, ':not(.expanded)').click();
      clicked = true;
    }
    if (!clicked) return;
    await page.waitForTimeout(300);
  }
  throw new Error(`could not fold the debug view's sections down to ${keep}`);
}
