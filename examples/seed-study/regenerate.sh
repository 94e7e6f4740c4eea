#!/usr/bin/env bash
# Rebuilds the seed-study models and reruns every CP2K calculation (Debian packages cp2k and
# python3-ase). Hours of CPU: run in the background. Usage: bash regenerate.sh [STEPS] [TEMPERATURE_K]
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 build_models.py
/usr/bin/python3 make_inputs.py "${1:-2000}" "${2:-600}"
for name in s8_lpsc li2s_lpsc s8_lps_lpsc li2s_lps_lpsc s8 li2s lpsc lps_lpsc; do
  bash run_one.sh "$name"
done
