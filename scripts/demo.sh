#!/usr/bin/env bash
# The main job on a bundled example: build everything, build a fixture program that carries
# LLGo's tables and faults inside C, run it, and symbolize its crash with llgo-frames.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
mvn -B -q -ntp install -DskipTests
out=$(mktemp -d)
java -cp "$(cat tests/fixtures/target/classpath.txt):tests/fixtures/target/classes" \
  dev.llgoframes.fixtures.FixtureMain standard x86_64-nopie "$out" >/dev/null
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
