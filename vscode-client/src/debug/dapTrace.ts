// `"trace": true` in a launch configuration: every DAP message of that session, both ways, goes to
// the "LLGo Frames" output channel with a timestamp. Bug reports about stops and stacks need the
// exchange between VS Code and the adapter, which neither side logs otherwise.
import type * as vscode from 'vscode';

const MAX_MESSAGE_CHARS = 4000; // a stackTrace of thousands of frames would drown the channel

export function formatTraceLine(direction: '->' | '<-', message: unknown, now: Date = new Date()): string {
  let text: string;
  try {
    text = JSON.stringify(message) ?? String(message);
  } catch {
    text = String(message);
  }
  if (text.length > MAX_MESSAGE_CHARS) {
    text = `${text.slice(0, MAX_MESSAGE_CHARS)}… (${text.length} chars)`;
  }
  return `[dap ${now.toISOString().slice(11, 23)}] ${direction} ${text}`;
}

export class DapTraceTrackerFactory implements vscode.DebugAdapterTrackerFactory {
  constructor(private readonly output: vscode.OutputChannel) {}

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker | undefined {
    if (session.configuration.trace !== true) return undefined;
    const out = this.output;
    out.appendLine(`[dap] tracing session "${session.name}"`);
    return {
      onWillReceiveMessage: (m: unknown) => out.appendLine(formatTraceLine('->', m)),
      onDidSendMessage: (m: unknown) => out.appendLine(formatTraceLine('<-', m)),
      onError: (e: Error) => out.appendLine(`[dap] adapter error: ${e.message}`),
      onExit: (code: number | undefined, signal: string | undefined) =>
        out.appendLine(`[dap] adapter exited (code ${code ?? '-'}, signal ${signal ?? '-'})`),
    };
  }
}
