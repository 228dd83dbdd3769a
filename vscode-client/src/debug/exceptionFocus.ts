// Makes VS Code show the exception widget (gc's panic text) at every exception stop; see
// ExceptionWidgetWatch for the races that otherwise leave it closed. A focus change is what makes
// VS Code look again, and the focus must end where VS Code would have put it (the first frame with
// a source), so the nudge only ever refocuses that frame.
import * as vscode from 'vscode';
import { DapMessage, ExceptionWidgetWatch } from './exceptionWidgetWatch';

const timers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class ExceptionFocusTrackerFactory implements vscode.DebugAdapterTrackerFactory {
  constructor(private readonly output: vscode.OutputChannel) {}

  createDebugAdapterTracker(): vscode.DebugAdapterTracker {
    const out = this.output;
    const watch = new ExceptionWidgetWatch((done) => {
      out.appendLine('[debug] exception stop: VS Code has not opened the exception widget; refocusing the top frame');
      return refocusTop(done);
    }, timers);
    return {
      onWillReceiveMessage: (m: DapMessage) => watch.onClientMessage(m),
      onDidSendMessage: (m: DapMessage) => watch.onAdapterMessage(m),
      onWillStopSession: () => watch.dispose(),
      onExit: () => watch.dispose(),
    };
  }
}

async function refocusTop(done: () => boolean): Promise<void> {
  // VS Code replaced the focused frame object (a re-fetched stack): focusing the top is a change
  await vscode.commands.executeCommand('workbench.action.debug.callStackTop');
  if (await until(done, 1000)) return;
  // the top already had focus: move one frame down first. callStackDown returns before its editor
  // has opened and the focus is set, so wait for that, or its focus would land after the top's.
  const moved = focusChange(2000);
  await vscode.commands.executeCommand('workbench.action.debug.callStackDown');
  await moved;
  if (done()) return;
  await vscode.commands.executeCommand('workbench.action.debug.callStackTop');
}

function focusChange(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    const sub = vscode.debug.onDidChangeActiveStackItem(finish);
    function finish() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs && !condition(); waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}
