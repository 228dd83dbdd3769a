// Choosing an executable: the configured ones that exist, or a file dialog.
import { existsSync } from 'fs';
import * as vscode from 'vscode';
import { currentServerSettings } from '../config/settingsReader';

export async function pickExecutable(title: string): Promise<string | undefined> {
  const known = currentServerSettings().binaries.filter((b) => !/[*?[{]/.test(b) && existsSync(b));
  if (known.length > 0) {
    const browse = 'Browse…';
    const choice = await vscode.window.showQuickPick([...known, browse], { title, placeHolder: 'LLGo-built executable' });
    if (choice !== browse) return choice;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectMany: false, title, openLabel: 'Select' });
  return picked?.[0]?.fsPath;
}
