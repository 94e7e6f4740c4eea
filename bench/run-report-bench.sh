#!/usr/bin/env bash
# One pass for a whole report: wall time and peak memory of `report` against `msd --species Li`
# alone on the same generated XDATCAR (416 atoms, Li6PS5Cl-like; default 97 000 frames, ~1.5 GB),
# both with JAVA_TOOL_OPTIONS=-Xmx1g. The report must need no more heap than msd and take at most
# 1.5× its wall time.
# Usage: [RUNS=2] bench/run-report-bench.sh [FRAMES] [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
frames="${1:-97000}"
work="${2:-${TMPDIR:-/tmp}/interphase-report-bench}"
mkdir -p "$work"
cd "$root"
if [[ ! -x "$work/make_xdatcar" ]]; then
  gcc -O2 -o "$work/make_xdatcar" ../shared/bench/make_xdatcar.c -lm
fi
traj="$work/XDATCAR-$frames"
if [[ ! -s "$traj" ]]; then
  echo "generating $traj ($frames frames)"
  "$work/make_xdatcar" "$traj" "$frames"
fi
ls -l "$traj"
bin/interphase --version >/dev/null   # build the jar first, outside the timings
export JAVA_TOOL_OPTIONS=-Xmx1g
measure() {
  local label="$1"; shift
  /usr/bin/time -f "$label: %e s wall, %U s user CPU, %M kB peak RSS, exit %x" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
  grep -E "^$label:" "$work/$label.err" || tail -3 "$work/$label.err"
}
runs="${RUNS:-2}"
for i in $(seq 1 "$runs"); do   # alternate, so that a slow spell of the machine hits both
  measure msd bin/interphase msd "$traj" --species Li --timestep-fs 2 --temperature-k 600
  rm -rf "$work/report"
  measure report bin/interphase report "$traj" --timestep-fs 2 --out "$work/report"
done
