// Reads the `llgoFrames` section from VS Code and resolves it for the server.
import * as os from 'os';
import * as vscode from 'vscode';
import { resolveServerSettings, ServerSettings } from './serverSettings';
import { VariableContext } from './variables';

export function variableContext(): VariableContext {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file')
    .map((f) => ({ name: f.name, path: f.uri.fsPath }));
  return { folders, home: os.homedir(), env: process.env };
}

export function currentServerSettings(): ServerSettings {
  const c = vscode.workspace.getConfiguration('llgoFrames');
  return resolveServerSettings(
    { binaries: c.get('binaries'), substitutePath: c.get('substitutePath'), goroot: c.get('goroot'), diagnostics: c.get('diagnostics') },
    variableContext(),
  );
}
