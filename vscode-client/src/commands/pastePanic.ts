// "Paste Panic Output": the clipboard as an untitled llgo-trace document, so links and hovers work
// on output copied from a CI log or a chat without saving a file first.
import * as vscode from 'vscode';

export async function pastePanicOutput(): Promise<void> {
  const text = await vscode.env.clipboard.readText();
  if (text.trim() === '') {
    void vscode.window.showInformationMessage('LLGo Frames: the clipboard is empty; copy the panic output first.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'llgo-trace', content: text });
  await vscode.window.showTextDocument(doc);
}
