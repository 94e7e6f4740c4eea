#!/usr/bin/env bash
# Frames per second of the bond analysis on the 416-atom Li6PS5Cl trajectory (held in memory).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -DskipTests package
java -cp "$(ls bench/target/interphase-bench-*.jar):cli/target/interphase.jar" org.interphase.bench.BondThroughput \
  "${1:-../shared/data/real/kinisi/example_XDATCAR.gz}" "${2:-10}"
