#!/usr/bin/env bash
# Runs the whole test suite: builds the solution once (the web client with it), then runs the tests
# with the nodes on SQLite and again on PostgreSQL (COMMUNITY_TEST_STORE), the web client's unit tests,
# and its end-to-end tests in headless Chromium against the published gateway. Installs what the tests
# need when it is missing, so it works on a fresh machine; fails when something cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs Debian packages that are missing, as root or through sudo; fails when it cannot.
install_missing() {
  [ $# -gt 0 ] || return 0
  echo "Installing $* (what the tests need)..."
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Missing $* and this user cannot install them: run 'apt-get install -y $*' as root." >&2; exit 1; }
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# The web client builds with Node.js (20 or later) and npm.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js and npm are needed to build the web client (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
missing=()
# The PostgreSQL tests start a throwaway cluster from Debian's server binaries; the cluster tests a
# throwaway Redis server (the hub backplane) from Debian's redis-server.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
# The e-mail tests run a real SMTP server on loopback from Debian's python3-aiosmtpd.
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
# The browser tests drive Debian's Chromium, with Japanese fonts so that the screenshots they keep
# can be read; the README's walkthrough runs as a test, with curl and jq as a reader would.
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
fc-list :lang=ja 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
install_missing "${missing[@]}"
[ -x /usr/bin/chromium ] || { echo "Chromium is still missing after installing it." >&2; exit 1; }

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

# The benchmark, every scenario once at tiny counts: that it still runs and its checks (nothing lost,
# repeated or reordered) hold; no timing is judged here. Its figures and charts go to a scratch folder.
echo "=== Benchmark smoke run"
bench_result=ok
dotnet bench/Community.Bench/bin/Release/net10.0/Community.Bench.dll --smoke --results "$results/bench" >"$results/bench.log" 2>&1 ||
  { status=1; bench_result=FAILED; tail -n 60 "$results/bench.log" >&2; echo "The benchmark's smoke run failed (above)." >&2; }

# The web client: unit tests of its state logic (Vitest), then the end-to-end tests in headless
# Chromium against the gateway as `dotnet publish` ships it, run as a real process on a free loopback
# port with a data folder of its own. Screenshots of the main screens land in TestResults/browser.
client=src/Gateway/ClientApp
echo "=== Web client unit tests"
(cd "$client" && npx vitest run --reporter=default --reporter=junit --outputFile.junit="$results/client/junit.xml") || status=$?
echo "=== Browser tests (headless Chromium)"
mkdir -p TestResults/browser
if dotnet publish src/Gateway --configuration Release --no-build --output "$results/gateway" >"$results/publish.log" 2>&1; then
  (cd "$client" && COMMUNITY_GATEWAY_DIR="$results/gateway" COMMUNITY_E2E_ARTIFACTS="$PWD/../../../TestResults/browser" \
    COMMUNITY_E2E_JUNIT="$results/browser/junit.xml" npm run e2e) || status=$?
else
  cat "$results/publish.log" >&2
  echo "Publishing the gateway for the browser tests failed: the browser tests did not run." >&2
  status=1
fi

echo "benchmark smoke run: $bench_result"
# One line per run, then one plain summary line of all for whoever reads the log last.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
total = [0, 0, 0]
def junit(path):
    root = ET.parse(path).getroot()
    cases = root.iter("testcase")
    counts = [0, 0, 0]
    for case in cases:
        if case.find("failure") is not None or case.find("error") is not None: counts[1] += 1
        elif case.find("skipped") is not None: counts[2] += 1
        else: counts[0] += 1
    return counts
failures = []
def first_lines(text, n=6):
    return "\n".join(("      " + line) for line in (text or "").strip().splitlines()[:n])
for run in ("sqlite", "postgres", "client", "browser"):
    counts = [0, 0, 0]
    for path in glob.glob(f"{sys.argv[1]}/{run}/**/*.trx", recursive=True):
        root = ET.parse(path).getroot()
        counters = root.find(".//{*}Counters")
        if counters is None: continue
        for i, name in enumerate(("passed", "failed", "notExecuted")):
            counts[i] += int(counters.get(name, 0))
        # A run the test host did not finish (it crashed) counts as a failure, with the reason it gave.
        for info in root.iter("{*}RunInfo"):
            if info.get("outcome") == "Error":
                text = info.find("{*}Text")
                counts[1] += 1
                failures.append(f"  {run}: the test run was aborted\n" + first_lines(text.text if text is not None else "", 3))
        for result in root.iter("{*}UnitTestResult"):
            if result.get("outcome") == "Failed":
                message = result.find(".//{*}ErrorInfo/{*}Message")
                failures.append(f"  {run}: {result.get('testName')}\n" + first_lines(message.text if message is not None else ""))
    for path in glob.glob(f"{sys.argv[1]}/{run}/**/junit.xml", recursive=True):
        counts = [a + b for a, b in zip(counts, junit(path))]
        for case in ET.parse(path).getroot().iter("testcase"):
            failure = case.find("failure")
            if failure is None: failure = case.find("error")
            if failure is not None:
                failures.append(f"  {run}: {case.get('classname')} > {case.get('name')}\n" + first_lines(failure.get("message") or failure.text))
    print(f"{run} run: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")
    total = [t + c for t, c in zip(total, counts)]
if failures:
    print("Failed:")
    print("\n".join(failures))
print(f"{total[0]} passed, {total[1]} failed, {total[2]} skipped")
PY
exit $status
