// When a fault stops the program inside C, the top frames have no source and VS Code (1.139)
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
          // C frames carry a de-emphasized disassembly listing; VS Code opens the first frame with another source
          const withSource = (m.body?.stackFrames ?? []).some(
            (f) => f.source?.path || ((f.source?.sourceReference ?? 0) > 0 && f.source?.presentationHint !== 'deemphasize'),
          );
          if (!withSource) return;
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
