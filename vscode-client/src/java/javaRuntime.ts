// VS Code side of Java discovery: reads the setting, runs `java -version`, and tells the user
// once, with a button to the setting, when no usable Java is found.
import { spawnSync } from 'child_process';
import { statSync } from 'fs';
import * as vscode from 'vscode';
import { findJava, isJavaProblem, JavaFound } from './javaDiscovery';

const versionCache = new Map<string, string | undefined>();

function versionText(executable: string): string | undefined {
  if (!versionCache.has(executable)) {
    const r = spawnSync(executable, ['-version'], { encoding: 'utf8', timeout: 15000 });
    // java -version prints on stderr; some builds print on stdout
    versionCache.set(executable, r.error ? undefined : `${r.stderr ?? ''}${r.stdout ?? ''}`);
  }
  return versionCache.get(executable);
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

let warned = false;

/** The Java to run our jars with, or undefined after telling the user (once) how to fix it. */
export async function locateJava(): Promise<JavaFound | undefined> {
  const settingHome = vscode.workspace.getConfiguration('llgoFrames').get<string | null>('java.home');
  const r = findJava({ settingHome, env: process.env, isFile, versionText });
  if (!isJavaProblem(r)) return r;
  if (!warned) {
    warned = true;
    const open = 'Open Setting';
    void vscode.window.showErrorMessage(r.message, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'llgoFrames.java.home');
    });
  }
  return undefined;
}

/** A changed `llgoFrames.java.home` gets a fresh look (and a fresh warning). */
export function forgetJava(): void {
  warned = false;
  versionCache.clear();
}
