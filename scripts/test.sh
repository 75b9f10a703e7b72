#!/usr/bin/env bash
# Runs the whole test suite: builds the solution once, then runs the tests with the nodes on
# SQLite and again on PostgreSQL (COMMUNITY_TEST_STORE). Installs what the tests need when it is missing, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# The PostgreSQL tests start a throwaway cluster from Debian's server binaries; the cluster tests a
# throwaway Redis server (the hub backplane) from Debian's redis-server.
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (the tests start throwaway servers from them)..."
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "${missing[*]} missing and this user cannot install them: run 'apt-get install -y ${missing[*]}' as root." >&2
    exit 1
  fi
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# Restore on its own: NuGet reports NU1603 (a MessagePack version served one patch newer) against the
# solution, where -warnaserror would not honour WarningsNotAsErrors.
dotnet restore Community.sln
dotnet build Community.sln --configuration Release --no-restore -warnaserror
status=0
# Everything runs with the nodes on SQLite, the embedded default (the storage contracts run
# against both stores there). The gateway suite and the grain suite (a TestCluster of two silos)
# run again with the nodes on PostgreSQL, and the two-node cluster suite, which needs PostgreSQL, runs there.
declare -A filters=(
  [sqlite]="FullyQualifiedName!~Community.Tests.Cluster"
  [postgres]="FullyQualifiedName~Community.Tests.Gateway|FullyQualifiedName~Community.Tests.Cluster|FullyQualifiedName~Community.Tests.Grains"
)
for store in sqlite postgres; do
  echo "=== Tests with the nodes on $store"
  COMMUNITY_TEST_STORE=$store dotnet test Community.sln --configuration Release --no-build \
    --filter "${filters[$store]}" \
    --logger "trx;LogFileName=results.trx" --results-directory "$results/$store" || status=$?
done

# One line per run, then one plain summary line of both for whoever reads the log last.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
total = [0, 0, 0]
for store in ("sqlite", "postgres"):
    counts = [0, 0, 0]
    for path in glob.glob(f"{sys.argv[1]}/{store}/**/*.trx", recursive=True):
        counters = ET.parse(path).getroot().find(".//{*}Counters")
        if counters is None: continue
        for i, name in enumerate(("passed", "failed", "notExecuted")):
            counts[i] += int(counters.get(name, 0))
    print(f"{store} run: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")
    total = [t + c for t, c in zip(total, counts)]
print(f"{total[0]} passed, {total[1]} failed, {total[2]} skipped")
PY
exit $status
