// Every process the harness starts runs in a process group of its own and is recorded here, so
// the end of the run (normal, failed or interrupted) stops exactly those groups and no others.
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';

const groups = new Set();
let pidFile;

/** Also written to a file, so scripts/test-vscode-e2e.sh can stop them if this process dies hard. */
export function recordGroupsIn(file) {
  pidFile = file;
}

/** Starts `command` with setsid semantics (detached = new session and process group). */
export function startGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'] });
  if (child.pid) {
    groups.add(child.pid);
    if (pidFile) appendFileSync(pidFile, `${child.pid}\n`);
  }
  return child;
}

function alive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to each group, SIGKILL to what is left after `graceMs`. */
export async function stopAllGroups(graceMs = 3000) {
  for (const g of groups) {
    try { process.kill(-g, 'SIGTERM'); } catch { /* already gone */ }
  }
  const deadline = Date.now() + graceMs;
  while ([...groups].some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const g of groups) {
    if (alive(g)) {
      try { process.kill(-g, 'SIGKILL'); } catch { /* gone */ }
    }
  }
  groups.clear();
}

function processesMentioning(text) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(text)) {
        // field 5 of stat is the process group; the command name (field 2) may hold spaces
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        found.push({ pid: Number(entry), pgid });
      }
    } catch { /* exited meanwhile */ }
  }
  return found;
}

/** Records the process groups of processes started for us by a library (playwright's browser). */
export function adoptGroupsOf(uniqueArgument) {
  for (const { pgid } of processesMentioning(uniqueArgument)) {
    if (pgid > 1 && pgid !== process.pid && !groups.has(pgid)) {
      groups.add(pgid);
      if (pidFile) appendFileSync(pidFile, `${pgid}\n`);
    }
  }
}

/**
 * Last resort after the groups are stopped: a debuggee that gdb moved into a group of its own
 * still names the run folder on its command line; those pids (and only those) are killed.
 */
export function killLeftoversOf(runDir) {
  const left = processesMentioning(runDir);
  for (const { pid } of left) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
  return left.length;
}
