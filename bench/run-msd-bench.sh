#!/usr/bin/env bash
# MSD of 200 atoms × 100 000 generated frames: time and peak heap (heap capped at 1.1 GB).
# Usage: bench/run-msd-bench.sh [ATOMS] [FRAMES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -DskipTests package
java -Xmx1100m -cp "$(ls bench/target/interphase-bench-*.jar):cli/target/interphase.jar" org.interphase.bench.MsdThroughput "${1:-200}" "${2:-100000}"
