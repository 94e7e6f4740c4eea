#!/usr/bin/env bash
# Parse throughput and peak heap of the streaming readers on large generated trajectories.
# Usage: bench/run-parse-bench.sh [MB]   (default 320 MB; files go to bench/target/data)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mb="${1:-320}"
cd "$root"
mvn -q -B -Pbench -DskipTests package
cp="$(ls bench/target/interphase-bench-*.jar):cli/target/interphase.jar"
data="$root/bench/target/data"
mkdir -p "$data"
echo "== VASP XDATCAR, 400 atoms, ~${mb} MB, heap capped at 128 MB (streaming) =="
[ -f "$data/XDATCAR" ] || java -cp "$cp" org.interphase.bench.ParseThroughput --generate-xdatcar "$mb" "$data/XDATCAR" >/dev/null
java -Xmx128m -cp "$cp" org.interphase.bench.ParseThroughput "$data/XDATCAR"
