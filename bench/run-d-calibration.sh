#!/usr/bin/env bash
# Calibration and efficiency of the diffusion-coefficient estimators (least squares with its correlation-aware error,
# generalised least squares with the modelled MSD covariance) on generated runs with a known D: Brownian Li, Li hopping
# between lattice sites and rattling in them, a few Li against a drifting framework, a breathing cell, and Arrhenius sets
# at 3 and 6 temperatures. Prints the table of src/site/markdown/diffusion-uncertainty.md (coverage of the 68 % and 95 %
# intervals, spread of the estimates, for D, Ea and σ(300 K)) and writes it, the per-run estimates of the Brownian case and
# the figure under analysis/target/d-calibration/. Deterministic (fixed seeds). SCALE=10 (default) is the full study:
# 1200 runs for D and 600 in the Arrhenius sets, about a minute on one core; SCALE=1 a quick look.
# Usage: [SCALE=10] [MVN_FLAGS=-o] bench/run-d-calibration.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} verify -pl analysis -am -Dcheckstyle.skip=true -Dtest='DiffusionCalibrationTest#fullStudy' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dinterphase.study=full -Dinterphase.study.scale="${SCALE:-10}"
cat analysis/target/d-calibration/table.md
echo "figure: analysis/target/d-calibration/d-calibration.png"
