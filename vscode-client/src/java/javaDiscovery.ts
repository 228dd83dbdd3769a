// Finds the Java that runs our two jars. Pure: the file system and process calls come in as
// functions, so the order of the search and the version rule are unit-tested without a JDK.

export const MIN_JAVA = 17;

export type JavaSource = 'setting' | 'JAVA_HOME' | 'PATH';

export interface JavaFound {
  readonly executable: string;
  readonly version: number;
  readonly source: JavaSource;
}

export interface JavaProblem {
  /** One sentence for a notification: what is wrong and how to fix it. */
  readonly message: string;
}

export interface JavaProbe {
  readonly settingHome?: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isFile: (path: string) => boolean;
  /** Text `java -version` prints (stderr), or undefined when it could not run. */
  readonly versionText: (executable: string) => string | undefined;
  readonly platform?: string;
}

/** Major version from `java -version` output: "1.8.0_292" → 8, "17.0.15" → 17, "21" → 21. */
export function parseJavaVersion(text: string): number | undefined {
  const m = /version "([^"]+)"/.exec(text) ?? /^(?:openjdk|java) (\d+[^\s]*)/m.exec(text);
  if (!m) return undefined;
  const parts = m[1].split(/[.+_-]/);
  const first = Number.parseInt(parts[0], 10);
  if (Number.isNaN(first)) return undefined;
  return first === 1 && parts.length > 1 ? Number.parseInt(parts[1], 10) : first;
}

function javaIn(home: string, platform: string): string {
  const sep = platform === 'win32' ? '\\' : '/';
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  return home.replace(/[\\/]+$/, '') + sep + 'bin' + sep + exe;
}

function onPath(env: JavaProbe['env'], isFile: JavaProbe['isFile'], platform: string): string | undefined {
  const path = env.PATH ?? env.Path ?? '';
  const delimiter = platform === 'win32' ? ';' : ':';
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = dir.replace(/[\\/]+$/, '') + (platform === 'win32' ? '\\' : '/') + exe;
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

const FIX = 'Install a JDK 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`) or point the setting `llgoFrames.java.home` at one.';

/**
 * The first Java of: setting `llgoFrames.java.home`, `JAVA_HOME`, `java` on `PATH`. A configured
 * home that is broken or too old is reported, not skipped: the user asked for that one.
 */
export function findJava(probe: JavaProbe): JavaFound | JavaProblem {
  const platform = probe.platform ?? process.platform;
  const candidates: { source: JavaSource; executable: string | undefined; origin: string }[] = [];
  const setting = probe.settingHome?.trim();
  if (setting) candidates.push({ source: 'setting', executable: javaIn(setting, platform), origin: `llgoFrames.java.home (${setting})` });
  const javaHome = probe.env.JAVA_HOME?.trim();
  if (javaHome) candidates.push({ source: 'JAVA_HOME', executable: javaIn(javaHome, platform), origin: `JAVA_HOME (${javaHome})` });
  candidates.push({ source: 'PATH', executable: onPath(probe.env, probe.isFile, platform), origin: 'PATH' });

  const passedOver: string[] = []; // why JAVA_HOME was not used, told when nothing else works
  for (const c of candidates) {
    if (!c.executable) continue;
    const exe = c.executable;
    let why: string | undefined;
    let version: number | undefined;
    if (!probe.isFile(exe)) {
      why = `${c.origin} has no ${exe}`;
    } else {
      const text = probe.versionText(exe);
      version = text === undefined ? undefined : parseJavaVersion(text);
      if (version === undefined) why = `${exe} from ${c.origin} did not run (java -version)`;
      else if (version < MIN_JAVA) why = `${exe} from ${c.origin} is Java ${version}; LLGo Frames needs ${MIN_JAVA} or newer`;
    }
    if (why === undefined) return { executable: exe, version: version as number, source: c.source };
    // a configured home that does not work is the answer: the user asked for that one
    if (c.source === 'setting') return { message: `${why}. ${FIX}` };
    passedOver.push(why);
  }
  const detail = passedOver.length ? ` (${passedOver.join('; ')})` : ' (looked at the setting, JAVA_HOME and PATH)';
  return { message: `LLGo Frames needs Java ${MIN_JAVA} or newer and found none${detail}. ${FIX}` };
}

export function isJavaProblem(r: JavaFound | JavaProblem): r is JavaProblem {
  return (r as JavaProblem).message !== undefined;
}
