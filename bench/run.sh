#!/usr/bin/env bash
# Runs the benchmark with as many open files as this shell may have: the idle-connections scenario
# holds one socket per hub connection in the node's process and another in the clients' process.
# Arguments go to the benchmark as they are, e.g.: bench/run.sh --scenario idle-connections --connections 20000
set -euo pipefail
cd "$(dirname "$0")/.."

hard=$(ulimit -Hn)
if ! ulimit -n "$hard" 2>/dev/null; then
  echo "Could not raise the open-file limit to its hard limit ($hard); it stays at $(ulimit -n)." >&2
fi
echo "Open-file limit: $(ulimit -n) (hard: $hard). To hold more connections, raise the hard limit:" \
  "as root 'ulimit -Hn 65536' before this script, LimitNOFILE= in a systemd unit, or --ulimit nofile=65536:65536 for a container." >&2
exec dotnet run -c Release --project bench/Community.Bench -- "$@"
