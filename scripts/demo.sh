#!/usr/bin/env bash
# The main job on a bundled example: build everything (jars and the .vsix), build a fixture program that carries
# LLGo's tables and faults inside C, run it, and symbolize its crash with llgo-frames.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests
# the VS Code extension with both jars inside (vscode-client/llgo-frames.vsix)
(cd vscode-client && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run --silent package >/dev/null)
echo "built vscode-client/llgo-frames.vsix (install: code --install-extension vscode-client/llgo-frames.vsix)"
out=$(mktemp -d)
java -cp "$(cat tests/fixtures/target/classpath.txt):tests/fixtures/target/classes" \
  dev.llgoframes.fixtures.FixtureMain standard nopie "$out" >/dev/null
bin="$out/prog"
echo "== llgo-frames inspect $bin"
./llgo-frames inspect "$bin"
echo
echo "== $bin segv   (faults in C: cexc_leaf_segv, called from Go-like main.callC)"
set +e
"$bin" segv 2>"$out/crash.txt"
status=$?
set -e
cat "$out/crash.txt"
echo "(exit status $status)"
echo
echo "== llgo-frames symbolize --return-addresses $bin  < the crash's pcs"
sed -n 's/^fixture-frame: //p' "$out/crash.txt" | ./llgo-frames symbolize --return-addresses "$bin" || true
echo
echo "== what LLGo's runtime prints for this crash (llgo-frames emulate: the binary's tables, LLGo's rules)"
./llgo-frames emulate "$bin" --fault < "$out/crash.txt" | tee "$out/llgo-trace.txt"
echo
echo "== llgo-frames trace --binary $bin  (gc's view: C frames by name, runtime tail hidden)"
./llgo-frames trace --binary "$bin" "$out/llgo-trace.txt"
