// Makes `file.go:LINE` in panic output in the integrated terminal clickable. The server resolves
// the line (substitutePath, GOROOT, module cache, workspace search), so paths printed on another
// machine open the local file; lines it cannot place get no link rather than a dead one.
import * as vscode from 'vscode';
import { LanguageServerHost } from '../lsp/languageClient';
import { findLocations, mayHoldLocation } from './locationMatcher';

interface SourceLink extends vscode.TerminalLink {
  readonly uri: string;
  readonly line: number;
}

interface ResolvedLocation {
  uri: string;
  line: number;
}

export class PanicTerminalLinkProvider implements vscode.TerminalLinkProvider<SourceLink> {
  constructor(private readonly server: LanguageServerHost) {}

  async provideTerminalLinks(context: vscode.TerminalLinkContext, token: vscode.CancellationToken): Promise<SourceLink[]> {
    if (!mayHoldLocation(context.line)) return [];
    const matches = findLocations(context.line);
    if (matches.length === 0) return [];
    const r = await this.server.execute<ResolvedLocation | null>('llgoFrames.resolveLocation', { line: context.line, cwd: terminalCwd(context.terminal) })
      .catch(() => undefined);
    if (!r || token.isCancellationRequested) return [];
    // the server reads one location per line; underline the token it answered for
    const m = matches.find((x) => x.line === r.line) ?? matches[0];
    return [{ startIndex: m.start, length: m.length, tooltip: `Open ${vscode.Uri.parse(r.uri).fsPath}:${r.line}`, uri: r.uri, line: r.line }];
  }

  async handleTerminalLink(link: SourceLink): Promise<void> {
    const pos = new vscode.Position(Math.max(0, link.line - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(link.uri), { selection: new vscode.Range(pos, pos), preview: true });
  }
}

/** The terminal's current folder when shell integration knows it, else where it was started. */
function terminalCwd(t: vscode.Terminal): string | undefined {
  const live = (t as { shellIntegration?: { cwd?: vscode.Uri } }).shellIntegration?.cwd;
  if (live?.scheme === 'file') return live.fsPath;
  const opts = t.creationOptions as vscode.TerminalOptions;
  const cwd = opts?.cwd;
  if (typeof cwd === 'string') return cwd;
  if (cwd instanceof vscode.Uri) return cwd.fsPath;
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}
