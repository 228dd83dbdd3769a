// "Select Binary for Trace": puts the chosen executable first in `llgoFrames.binaries`, which the
// server reads to symbolize traces (the change reaches it as a configuration change).
import * as vscode from 'vscode';
import { withBinaryFirst } from '../config/serverSettings';

export async function selectBinary(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectMany: false, title: 'Executable that printed this trace', openLabel: 'Use for Traces' });
  const binary = picked?.[0]?.fsPath ?? undefined;
  if (!binary) return;
  const config = vscode.workspace.getConfiguration('llgoFrames');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>('binaries');
  const current = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  await config.update('binaries', withBinaryFirst(current, binary), target);
  void vscode.window.showInformationMessage(`LLGo Frames: traces are symbolized with ${binary}.`);
}
