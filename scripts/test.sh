#!/usr/bin/env bash
# Runs every test of every module (real gcc-built fixtures, real tools).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
mvn -B -ntp verify
# the VS Code extension: unit tests, then end to end in code-server + chromium (uses the jars above)
bash scripts/test-vscode.sh
