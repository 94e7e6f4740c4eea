#!/usr/bin/env bash
# Copies what the NEB analysis needs from a finished run folder into neb_NAME/ here: the band input,
# its .ener and replica trajectories, the end-point optimisation inputs and end points, the single
# points of the final replicas and the hop description. A band continued from the final replicas of
# the first (make_neb.py resume) goes with its single points into neb_NAME/continued/.
# Usage: bash collect_neb.sh RUN_DIR NAME…  (CONTINUED_ONLY=1 copies only the continued band)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$1"
shift
for name in "$@"; do
  out="$here/neb_${name}"
  mkdir -p "$out"
  if [ -f "$run/band_${name}_cont.inp" ]; then
    mkdir -p "$out/continued"
    cp "$run/band_${name}_cont.inp" "$run/band_${name}_cont-1.ener" "$run/sp_${name}_cont"_*.inp \
      "$run/band_${name}_cont"_replica_*_final.xyz "$out/continued/"
    for f in "$run/band_${name}_cont"-pos-Replica_nr_*-1.xyz "$run/sp_${name}_cont"_*.out; do
      xz -9 -c "$f" > "$out/continued/$(basename "$f").xz"
    done
    if [ "${CONTINUED_ONLY:-0}" = 1 ]; then
      continue
    fi
  fi
  cp "$run/band_${name}.inp" "$run/band_${name}-1.ener" "$run/neb_${name}_initial.xyz" "$run/neb_${name}_final.xyz" \
    "$run/nebopt_${name}_a.inp" "$run/nebopt_${name}_b.inp" "$out/"
  cp "$run/neb_${name}_hop.json" "$out/hop.json"
  for f in "$run/band_${name}"-pos-Replica_nr_*-1.xyz; do
    xz -9 -c "$f" > "$out/$(basename "$f").xz"
  done
  for f in "$run/sp_${name}"_[0-9]*.out; do
    xz -9 -c "$f" > "$out/$(basename "$f").xz"
  done
  cp "$run/sp_${name}"_[0-9]*.inp "$run/band_${name}"_replica_*_final.xyz "$out/"
done
