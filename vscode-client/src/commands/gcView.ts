// "Show gc View": a read-only virtual document with the server's gc-shaped rewrite of a trace,
// refreshed while the source document changes.
import * as vscode from 'vscode';
import { LanguageServerHost } from '../lsp/languageClient';

export const GC_VIEW_SCHEME = 'llgo-gc-view';

export class GcViewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Map<string, vscode.Uri>(); // source uri → view uri
  private readonly subscription: vscode.Disposable;

  constructor(private readonly server: LanguageServerHost) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      const view = this.open.get(e.document.uri.toString());
      if (view) this.changed.fire(view);
    });
  }

  static viewUri(source: vscode.Uri): vscode.Uri {
    const base = source.path.split('/').pop() || 'trace';
    // the source uri travels in the query; the path only names the tab
    return vscode.Uri.from({ scheme: GC_VIEW_SCHEME, path: `/${base} (gc view)`, query: source.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = uri.query;
    this.open.set(source, uri);
    try {
      const text = await this.server.execute<string>('llgoFrames.gcView', { uri: source });
      return text ?? '(the LLGo Frames language server is not running; see the "LLGo Frames" output)';
    } catch (e) {
      return `LLGo Frames could not build the gc view: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export async function showGcView(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme === GC_VIEW_SCHEME) {
    void vscode.window.showInformationMessage('LLGo Frames: open a trace first (a .trace file, or Paste Panic Output).');
    return;
  }
  const doc = await vscode.workspace.openTextDocument(GcViewProvider.viewUri(editor.document.uri));
  await vscode.languages.setTextDocumentLanguage(doc, 'llgo-trace');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
