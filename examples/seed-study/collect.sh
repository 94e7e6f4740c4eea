#!/usr/bin/env bash
# Copies what the analyses need from a finished run folder into this folder, xz-compressed where it
# is large: trajectories, .ener, .cell, the pre-optimisation log (final energy); inputs and start
# structures as they are. A run continued in a second segment (continue_md.py) is first joined to the
# first one (merge_md.py) and its input and start structure are copied too.
# Usage: bash collect.sh RUN_DIR NAME…
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$1"
shift
for name in "$@"; do
  if [ -f "$run/aimd_${name}_cont.inp" ]; then
    /usr/bin/python3 "$here/merge_md.py" "$run" "$name"
    cp "$run/aimd_${name}_cont.inp" "$run/${name}_cont_start.xyz" "$here/"
  fi
  for f in "aimd_${name}-pos-1.xyz" "aimd_${name}-1.ener" "aimd_${name}-1.cell" "preopt_${name}.out"; do
    xz -9 -c "$run/$f" > "$here/$f.xz"
  done
  rm -f "$here/aimd_${name}-1.ener" "$here/aimd_${name}-1.cell" "$here/preopt_${name}.out"
  cp "$run/aimd_${name}.inp" "$run/${name}_start.xyz" "$run/preopt_${name}.inp" "$here/"
done
