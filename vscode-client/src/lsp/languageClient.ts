// Starts the bundled language server with the Java we found and keeps its settings current.
// Everything that needs the server (terminal links, commands) goes through `ready()`.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { currentServerSettings } from '../config/settingsReader';
import { locateJava } from '../java/javaRuntime';
import { existingJar } from '../jars';

export const TRACE_LANGUAGES = ['llgo-trace', 'plaintext', 'log'];
const SERVER_LANGUAGES = [...TRACE_LANGUAGES, 'go'];

export class LanguageServerHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private missingJarTold = false;

  constructor(private readonly extensionPath: string, private readonly output: vscode.OutputChannel) {}

  /** The running client, started on first use; undefined (after a notification) when it cannot run. */
  ready(): Promise<LanguageClient | undefined> {
    this.starting ??= this.start().catch((e) => {
      this.output.appendLine(`language server did not start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      void vscode.window.showErrorMessage(`LLGo Frames: the language server did not start (${e instanceof Error ? e.message : e}). See the "LLGo Frames" output.`);
      this.starting = undefined; // a later request may try again (e.g. after the Java setting is fixed)
      return undefined;
    });
    return this.starting;
  }

  private async start(): Promise<LanguageClient | undefined> {
    const jar = existingJar(this.extensionPath, 'lsp');
    if ('message' in jar) {
      if (!this.missingJarTold) void vscode.window.showErrorMessage(jar.message);
      this.missingJarTold = true;
      this.starting = undefined;
      return undefined;
    }
    const java = await locateJava();
    if (!java) {
      this.starting = undefined;
      return undefined;
    }
    this.output.appendLine(`starting ${jar.jar} with ${java.executable} (Java ${java.version}, from ${java.source})`);
    const run = { command: java.executable, args: ['-jar', jar.jar] };
    const serverOptions: ServerOptions = { run, debug: run };
    const clientOptions: LanguageClientOptions = {
      // file and untitled only: our own virtual documents (gc view) must not go back to the server
      documentSelector: SERVER_LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      initializationOptions: currentServerSettings(),
      outputChannel: this.output,
    };
    // id 'llgoFrames' makes the client follow the setting llgoFrames.trace.server
    const client = new LanguageClient('llgoFrames', 'LLGo Frames', serverOptions, clientOptions);
    await client.start();
    this.client = client;
    return client;
  }

  /** Sends the resolved settings again (the client would send raw ones with `${workspaceFolder}` unexpanded). */
  async settingsChanged(): Promise<void> {
    if (!this.client) return;
    await this.client.sendNotification('workspace/didChangeConfiguration', { settings: { llgoFrames: currentServerSettings() } });
  }

  /** `workspace/executeCommand` with our one-object argument convention. */
  async execute<T>(command: string, args: object): Promise<T | undefined> {
    const client = await this.ready();
    if (!client) return undefined;
    return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] })) as T;
  }

  async dispose(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (c) await c.stop();
  }
}
