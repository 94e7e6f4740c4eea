#!/usr/bin/env bash
# Copies what the analyses need from a finished run folder into this folder: trajectories xz-compressed,
# .ener and .cell, inputs, the pre-optimisation log (final energy). Usage: bash collect.sh RUN_DIR NAME…
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$1"
shift
for name in "$@"; do
  xz -9 -c "$run/aimd_${name}-pos-1.xyz" > "$here/aimd_${name}-pos-1.xyz.xz"
  cp "$run/aimd_${name}-1.ener" "$run/aimd_${name}-1.cell" "$run/aimd_${name}.inp" "$run/${name}_start.xyz" \
     "$run/preopt_${name}.inp" "$run/preopt_${name}.out" "$here/"
done
