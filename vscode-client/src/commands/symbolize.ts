// "Symbolize Address…": binary + pcs → one line per frame in the LLGo Frames output.
import * as vscode from 'vscode';
import { LanguageServerHost } from '../lsp/languageClient';
import { pickExecutable } from './binaryPicker';
import { formatSymbolized, parsePcs, SymbolizedPc } from './symbolizeText';

export async function symbolizeAddress(server: LanguageServerHost, output: vscode.OutputChannel): Promise<void> {
  const binary = await pickExecutable('Symbolize addresses of which executable?');
  if (!binary) return;
  const text = await vscode.window.showInputBox({
    title: 'Addresses to symbolize', placeHolder: '0x401640 0x4016fb', prompt: 'Hexadecimal pcs, separated by spaces or commas',
    validateInput: (v) => { const r = parsePcs(v); return 'error' in r ? r.error : undefined; },
  });
  if (text === undefined) return;
  const parsed = parsePcs(text);
  if ('error' in parsed) return;
  try {
    const frames = await server.execute<SymbolizedPc[]>('llgoFrames.symbolize', { binary, pcs: parsed.pcs });
    if (!frames) return;
    output.appendLine(`symbolize ${binary}`);
    output.appendLine(formatSymbolized(frames));
    output.show(true);
    if (frames.length === 1) {
      const f = frames[0];
      void vscode.window.showInformationMessage(`${f.pc}: ${f.function ?? '??'}${f.file ? ` at ${f.file}:${f.line}` : ''}`);
    }
  } catch (e) {
    void vscode.window.showErrorMessage(`LLGo Frames: ${e instanceof Error ? e.message : String(e)}`);
  }
}
