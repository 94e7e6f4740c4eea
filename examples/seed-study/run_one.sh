#!/usr/bin/env bash
# Pre-optimise one system, then run its AIMD: bash run_one.sh NAME (in examples/seed-study).
set -euo pipefail
name="$1"
export OMP_NUM_THREADS=1
cp2k.psmp -i "preopt_${name}.inp" -o "preopt_${name}.out"
# the last frame of the optimisation starts the MD
/usr/bin/python3 - "$name" <<'PY'
import sys
from ase.io import read, write
n = sys.argv[1]
write(f'{n}_start.xyz', read(f'preopt_{n}-pos-1.xyz', index=-1), format='xyz')
PY
cp2k.psmp -i "aimd_${name}.inp" -o "aimd_${name}.out"
