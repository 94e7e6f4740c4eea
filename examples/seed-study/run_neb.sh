#!/usr/bin/env bash
# CI-NEB of one Li hop across the Li2S interface of a model whose AIMD start structure exists
# (NAME_start.xyz, written by run_one.sh): end-point optimisations, the BAND run, then single
# points of the final replicas for the forces. Usage: bash run_neb.sh NAME (in examples/seed-study);
# BAND_STEPS=N sets the most band optimisation steps (default 40).
set -euo pipefail
name="$1"
export OMP_NUM_THREADS=1
/usr/bin/python3 make_neb.py endpoints "$name"
cp2k.psmp -i "nebopt_${name}_a.inp" -o "nebopt_${name}_a.out"
cp2k.psmp -i "nebopt_${name}_b.inp" -o "nebopt_${name}_b.out"
/usr/bin/python3 make_neb.py band "$name" "${BAND_STEPS:-40}"
cp2k.psmp -i "band_${name}.inp" -o "band_${name}.out"
/usr/bin/python3 make_neb.py singlepoints "$name"
for r in 1 2 3 4 5; do
  cp2k.psmp -i "sp_${name}_${r}.inp" -o "sp_${name}_${r}.out"
done
