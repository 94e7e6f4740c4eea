#!/usr/bin/env bash
# Rebuilds the seed-study models and reruns every CP2K calculation (Debian packages cp2k and
# python3-ase): pre-optimisation and AIMD of all eight systems, then the CI-NEB Li hops across the
# Li2S interface with and without the Li3PS4 interphase. Hours of CPU: run it in the background.
#   bash regenerate.sh [STEPS] [TEMPERATURE_K]     (defaults 2000 steps, 600 K)
# Environment: ONLY="s8 lpsc" reruns a subset of the systems; NEB=0 leaves out the NEB runs.
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 build_models.py
/usr/bin/python3 make_inputs.py "${1:-2000}" "${2:-600}"
for name in ${ONLY:-s8_lpsc li2s_lpsc s8_lps_lpsc li2s_lps_lpsc s8 li2s lpsc lps_lpsc}; do
  bash run_one.sh "$name"
done
if [ "${NEB:-1}" != 0 ]; then
  for name in li2s_lpsc li2s_lps_lpsc; do
    bash run_neb.sh "$name"
  done
fi
