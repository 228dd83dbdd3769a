// Wires the pieces together; each lives in its own module.
import * as vscode from 'vscode';
import { GC_VIEW_SCHEME, GcViewProvider, showGcView } from './commands/gcView';
import { pastePanicOutput } from './commands/pastePanic';
import { selectBinary } from './commands/selectBinary';
import { symbolizeAddress } from './commands/symbolize';
import { LlgoDebugAdapterFactory } from './debug/adapterFactory';
import { LlgoConfigurationProvider } from './debug/configurationProvider';
import { DapTraceTrackerFactory } from './debug/dapTrace';
import { ExceptionFocusTrackerFactory } from './debug/exceptionFocus';
import { pickProcess } from './debug/pickProcess';
import { forgetJava } from './java/javaRuntime';
import { LanguageServerHost } from './lsp/languageClient';
import { PanicTerminalLinkProvider } from './terminal/linkProvider';

let server: LanguageServerHost | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('LLGo Frames');
  server = new LanguageServerHost(context.extensionPath, output);
  const gcViews = new GcViewProvider(server);
  const s = server;

  context.subscriptions.push(
    output,
    gcViews,
    vscode.workspace.registerTextDocumentContentProvider(GC_VIEW_SCHEME, gcViews),
    vscode.debug.registerDebugAdapterDescriptorFactory('llgo', new LlgoDebugAdapterFactory(context.extensionPath)),
    vscode.debug.registerDebugConfigurationProvider('llgo', new LlgoConfigurationProvider()),
    vscode.debug.registerDebugAdapterTrackerFactory('llgo', new ExceptionFocusTrackerFactory(output)),
    vscode.debug.registerDebugAdapterTrackerFactory('llgo', new DapTraceTrackerFactory(output)),
    vscode.window.registerTerminalLinkProvider(new PanicTerminalLinkProvider(s)),
    vscode.commands.registerCommand('llgoFrames.pastePanicOutput', pastePanicOutput),
    vscode.commands.registerCommand('llgoFrames.showGcView', showGcView),
    vscode.commands.registerCommand('llgoFrames.symbolizeAddress', () => symbolizeAddress(s, output)),
    vscode.commands.registerCommand('llgoFrames.selectBinary', selectBinary),
    vscode.commands.registerCommand('llgoFrames.pickProcess', pickProcess),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('llgoFrames.java.home')) forgetJava();
      if (e.affectsConfiguration('llgoFrames')) void s.settingsChanged();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void s.settingsChanged()),
  );

  // Start the server now when a document it serves is already open (the usual activation), so
  // links and hovers are there without waiting for the first terminal link or command.
  void s.ready();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
