#!/usr/bin/env bash
# Whole-process speed of `interphase info` and `msd --species Li` against plain fixed-format C readers
# (../shared/bench/cparse.c for XDATCAR, bench/c/formats.c for the others), side by side in one run, on
# generated Li6PS5Cl-like trajectories of 416 atoms (default 20 000 frames: a 308 MB XDATCAR).
# Prints, per format, the best wall time of each over RUNS runs and the ratio C / Interphase (1 = as fast
# as C; the target is ≥ 0.6 for XDATCAR and CP2K xyz). Formats Interphase cannot read yet are skipped.
# Usage: [RUNS=3] bench/run-c-ratio.sh [FRAMES] [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
frames="${1:-20000}"
work="${2:-${TMPDIR:-/tmp}/interphase-c-ratio}"
runs="${RUNS:-3}"
mkdir -p "$work"
cd "$root"
gcc -O2 -o "$work/cparse" ../shared/bench/cparse.c
gcc -O2 -o "$work/make_xdatcar" ../shared/bench/make_xdatcar.c -lm
gcc -O2 -o "$work/formats" bench/c/formats.c -lm
bin/interphase --version >/dev/null   # build the jar outside the timings

best() {   # best wall time in seconds of a command over $runs runs, its output discarded
  local b=""
  for _ in $(seq 1 "$runs"); do
    local t
    /usr/bin/time -o "$work/time.txt" -f "%e" "$@" >/dev/null 2>/dev/null || true
    t=$(tail -1 "$work/time.txt")
    if [[ -z "$b" ]] || awk "BEGIN{exit !($t < $b)}"; then b="$t"; fi
  done
  echo "$b"
}

row() {   # format file C-command…
  local name="$1" file="$2"; shift 2
  if ! bin/interphase info "$file" >/dev/null 2>&1; then
    printf '%-12s skipped: interphase does not read this file yet\n' "$name"
    return
  fi
  local c info msd
  c=$(best "$@")
  info=$(best bin/interphase info "$file")
  msd=$(best bin/interphase msd "$file" --species Li --timestep-fs 2)
  printf '%-12s %6.1f MB  C %6.2f s  info %6.2f s (ratio %.2f)  msd --species Li %6.2f s (ratio %.2f)\n' "$name" \
    "$(awk "BEGIN{print $(stat -c %s "$file") / 1e6}")" "$c" "$info" "$(awk "BEGIN{print $c / $info}")" "$msd" \
    "$(awk "BEGIN{print $c / $msd}")"
}

x="$work/XDATCAR-$frames"
[[ -s "$x" ]] || "$work/make_xdatcar" "$x" "$frames"
row XDATCAR "$x" "$work/cparse" "$x"

mkdir -p "$work/cp2k"
y="$work/cp2k/run-pos-1.xyz"
[[ -s "$y" ]] || "$work/formats" gen cp2k "$y" "$frames"
printf '&GLOBAL\n PROJECT run\n RUN_TYPE MD\n&END GLOBAL\n&FORCE_EVAL\n &SUBSYS\n  &CELL\n   ABC 19.72 19.72 19.72\n  &END CELL\n &END SUBSYS\n&END FORCE_EVAL\n' > "$work/cp2k/run.inp"
row "CP2K xyz" "$y" "$work/formats" parse cp2k "$y"

e="$work/traj-$frames.extxyz"
[[ -s "$e" ]] || "$work/formats" gen extxyz "$e" "$frames"
row "extxyz" "$e" "$work/formats" parse extxyz "$e"

l="$work/dump-$frames.lammpstrj"
[[ -s "$l" ]] || "$work/formats" gen lammps "$l" "$frames"
row "LAMMPS dump" "$l" "$work/formats" parse lammps "$l"
