// `${command:llgoFrames.pickProcess}`: a quick pick of running processes for attach.
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { parseProcessList } from './processList';

export async function pickProcess(): Promise<string | undefined> {
  const text = await new Promise<string>((resolve, reject) =>
    execFile('ps', ['-axo', 'pid=,comm=,args='], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout))));
  const items = parseProcessList(text, process.pid).map((p) => ({ label: p.command, description: String(p.pid), detail: p.args, pid: p.pid }));
  const chosen = await vscode.window.showQuickPick(items, { placeHolder: 'Process to attach to', matchOnDescription: true, matchOnDetail: true });
  return chosen ? String(chosen.pid) : undefined;
}
