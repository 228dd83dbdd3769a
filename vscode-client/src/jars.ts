// Where the bundled server jars are. LLGO_FRAMES_LSP_JAR / LLGO_FRAMES_DAP_JAR point a
// development host at a freshly built jar without repackaging.
import { existsSync } from 'fs';
import * as path from 'path';

export type JarKind = 'lsp' | 'dap';

const BUNDLED: Record<JarKind, string> = { lsp: 'server/llgo-frames-lsp.jar', dap: 'server/llgo-frames-dap.jar' };
const OVERRIDE: Record<JarKind, string> = { lsp: 'LLGO_FRAMES_LSP_JAR', dap: 'LLGO_FRAMES_DAP_JAR' };

export function jarPath(extensionPath: string, kind: JarKind): string {
  return process.env[OVERRIDE[kind]] || path.join(extensionPath, BUNDLED[kind]);
}

/** The jar, or a message naming what is missing (a .vsix built without `mvn install`). */
export function existingJar(extensionPath: string, kind: JarKind): { jar: string } | { message: string } {
  const jar = jarPath(extensionPath, kind);
  if (existsSync(jar)) return { jar };
  const what = kind === 'lsp' ? 'language server' : 'debug adapter';
  return { message: `LLGo Frames: the ${what} jar is missing (${jar}). Reinstall the extension, or build it with \`mvn install\` and \`npm run package\`.` };
}
