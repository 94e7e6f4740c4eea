#!/usr/bin/env bash
# MSD of ATOMS Li × FRAMES generated frames (default 200 × 100 000): feed and finish times, peak heap,
# and the whole process's wall time and peak RSS. HEAP sets -Xmx (default 1100m); beyond a quarter of
# it the unwrapped coordinates go to a temporary file. The issue-size case:
#   HEAP=2g bench/run-msd-bench.sh 2000 200000     (9.6 GB of unwrapped coordinates)
# ESTIMATOR=ols times the least-squares fit instead of the default GLS (the difference is the time GLS adds).
# Usage: [HEAP=…] [ESTIMATOR=gls|ols] bench/run-msd-bench.sh [ATOMS] [FRAMES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -DskipTests package
/usr/bin/time -f "whole process: %e s wall, %M kB peak RSS, exit %x" java -Xmx"${HEAP:-1100m}" \
  -cp "$(ls bench/target/interphase-bench-*.jar):cli/target/interphase.jar" org.interphase.bench.MsdThroughput "${1:-200}" "${2:-100000}" "${ESTIMATOR:-gls}"
