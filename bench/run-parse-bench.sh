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
echo "== CP2K -pos-1.xyz, 400 atoms, ~${mb} MB and a quarter of it, heap capped at 128 MB =="
mkdir -p "$data/quarter"
printf '&GLOBAL\n PROJECT big\n RUN_TYPE MD\n&END GLOBAL\n&FORCE_EVAL\n &SUBSYS\n  &CELL\n   ABC 20 20 20\n  &END CELL\n &END SUBSYS\n&END FORCE_EVAL\n' > "$data/big.inp"
sed 's/PROJECT big/PROJECT small/' "$data/big.inp" > "$data/quarter/small.inp"
# generating also parses once (warm-up); the timed runs follow
[ -f "$data/big-pos-1.xyz" ] || java -cp "$cp" org.interphase.bench.ParseThroughput --generate-cp2k-xyz "$mb" "$data/big-pos-1.xyz" >/dev/null
[ -f "$data/quarter/small-pos-1.xyz" ] || java -cp "$cp" org.interphase.bench.ParseThroughput --generate-cp2k-xyz "$((mb / 4))" "$data/quarter/small-pos-1.xyz" >/dev/null
java -Xmx128m -cp "$cp" org.interphase.bench.ParseThroughput "$data/big-pos-1.xyz"
java -Xmx128m -cp "$cp" org.interphase.bench.ParseThroughput "$data/quarter/small-pos-1.xyz"
