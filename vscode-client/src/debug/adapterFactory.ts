// Runs the bundled debug adapter jar (DAP over stdio) with the Java we found.
import * as vscode from 'vscode';
import { locateJava } from '../java/javaRuntime';
import { existingJar } from '../jars';

export class LlgoDebugAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly extensionPath: string) {}

  async createDebugAdapterDescriptor(): Promise<vscode.DebugAdapterDescriptor> {
    const jar = existingJar(this.extensionPath, 'dap');
    if ('message' in jar) throw new Error(jar.message);
    const java = await locateJava();
    // VS Code shows a thrown message in the debug start error dialog
    if (!java) throw new Error('LLGo Frames: no Java 17 or newer to run the debug adapter; set llgoFrames.java.home.');
    return new vscode.DebugAdapterExecutable(java.executable, ['-jar', jar.jar]);
  }
}
