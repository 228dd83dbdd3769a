// When a fault stops the program where the top frames have no source (a library), VS Code (1.139)
// opens the first Go frame but leaves the exception widget closed: it decides about the widget
// while the editor opens, before that frame has focus, and does not look again. Focus changes
// make it look again, so once the stack with a source frame has arrived this tracker moves the
// focus one frame down and back to the top, and the editor shows gc's panic text at the Go line.
import * as vscode from 'vscode';

interface DapMessage {
  type?: string;
  event?: string;
  command?: string;
  success?: boolean;
  body?: {
    reason?: string;
    stackFrames?: { source?: { path?: string; sourceReference?: number; presentationHint?: string } }[];
  };
}

export class ExceptionFocusTrackerFactory implements vscode.DebugAdapterTrackerFactory {
  createDebugAdapterTracker(): vscode.DebugAdapterTracker {
    let pending = false; // an exception stop whose Go frame has not been focused yet
    return {
      onDidSendMessage: (m: DapMessage) => {
        if (m.type === 'event' && m.event === 'stopped') {
          pending = m.body?.reason === 'exception';
        } else if (m.type === 'event' && m.event === 'continued') {
          pending = false;
        } else if (pending && m.type === 'response' && m.command === 'stackTrace' && m.success) {
          // the program's C frames carry a disassembly listing, so the top frame usually has a source
          // and VS Code shows the widget by itself; library frames' listings are de-emphasized
          const frames = m.body?.stackFrames ?? [];
          const hasSource = (f: (typeof frames)[number]) =>
            !!f.source?.path || ((f.source?.sourceReference ?? 0) > 0 && f.source?.presentationHint !== 'deemphasize');
          if (frames.length > 0 && hasSource(frames[0])) {
            pending = false;
            return;
          }
          if (!frames.some(hasSource)) return;
          pending = false;
          // after VS Code has taken this response in and opened the editor
          setTimeout(() => void refocusTop(), 300);
        }
      },
    };
  }
}

async function refocusTop(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.debug.callStackDown');
  await vscode.commands.executeCommand('workbench.action.debug.callStackTop');
}
