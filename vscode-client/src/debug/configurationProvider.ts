// Defaults and checks for `llgo` configurations; F5 without launch.json asks for the executable.
import * as vscode from 'vscode';
import { DebugConfig, launchFor, validate, withDefaults } from './launchConfig';

function gdbSetting(folder: vscode.WorkspaceFolder | undefined): string | undefined {
  return vscode.workspace.getConfiguration('llgoFrames', folder?.uri).get<string>('gdbPath');
}

export class LlgoConfigurationProvider implements vscode.DebugConfigurationProvider {
  async resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    const gdbPath = gdbSetting(folder);
    const r = withDefaults(config as DebugConfig, { gdbPath });
    if (r.kind === 'config') return r.config as vscode.DebugConfiguration;
    if (r.kind === 'error') {
      void vscode.window.showErrorMessage(r.message);
      return undefined;
    }
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true, canSelectMany: false, openLabel: 'Debug', title: 'LLGo-built executable to debug',
      defaultUri: folder?.uri,
    });
    if (!picked || picked.length === 0) return undefined; // cancelled: no session, no error
    return launchFor(picked[0].fsPath, { gdbPath }) as vscode.DebugConfiguration;
  }

  resolveDebugConfigurationWithSubstitutedVariables(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const r = validate(config as DebugConfig);
    if (r.kind === 'config') return r.config as vscode.DebugConfiguration;
    if (r.kind === 'error') void vscode.window.showErrorMessage(r.message);
    return undefined;
  }
}
