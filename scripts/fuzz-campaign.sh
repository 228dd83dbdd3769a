#!/usr/bin/env bash
# The long fuzz campaign: every @FuzzTest in fuzzing mode, one after the other, each until
# 1,000,000 inputs or 30 minutes (the annotations' limits) or its first finding. Logs go to
# fuzz-logs/<test>.log; `python3 scripts/fuzz-summary.py fuzz-logs` turns them into the table.
# Usage: scripts/fuzz-campaign.sh [Class#method ...]   (default: all entry points)
set -uo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(symbol-core:FuzzElfTest#structured symbol-core:FuzzElfTest#rawBytes symbol-core:FuzzFuncInfoTest#tables
           symbol-core:FuzzPrebuiltTest#blob symbol-core:FuzzSidecarTest#sidecar symbol-core:FuzzDwarfTest#lineTable
           symbol-core:FuzzMachOTest#structured symbol-core:FuzzTraceParserTest#parse symbol-core:FuzzGcViewTest#gcView
           dap-adapter:FuzzMiParserTest#parse lsp-server:FuzzDocumentTest#document)
fi
mkdir -p fuzz-logs
for t in "${targets[@]}"; do
  module="${t%%:*}"; test="${t#*:}"
  log="fuzz-logs/${test/\#/.}.log"
  echo "$(date -u +%FT%TZ) start $test" | tee -a fuzz-logs/campaign.log
  JAZZER_FUZZ=1 mvn -o -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -DargLine=-Xmx512m >"$log" 2>&1
  echo "$(date -u +%FT%TZ) end $test rc=$?" | tee -a fuzz-logs/campaign.log
done
