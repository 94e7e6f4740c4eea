#!/usr/bin/python3
"""Log-log slopes of the reference MSD of shared/data/cp2k/aimd_nvt for DiffusionFitWindowTest.

    /usr/bin/python3 fit_window_reference.py [path/to/reference.json]

The MSD is reference.json's msd_A2_no_drift_correction_MDAnalysis (MDAnalysis EinsteinMSD of the
CP2K Li3PS4 run, lags k * 1.5 fs).  For each window [lo, hi] (fs, both ends included) numpy.polyfit
of ln MSD against ln t (t > 0) gives the log-log slope; the number of lags and the MSD at the last
lag are printed beside it.
"""
import json
import os
import sys

import numpy as np

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                          "../../../../../../shared/data/cp2k/aimd_nvt/reference.json")
ref = json.load(open(path))["msd"]
t = np.array(ref["lag_time_fs"])
y = np.array(ref["msd_A2_no_drift_correction_MDAnalysis"])
print("numpy", np.__version__)
for lo, hi in [(300, 1500), (30, 60), (150, 160.5), (1500, 3000)]:
    s = (t >= lo - 1e-9) & (t <= hi + 1e-9) & (t > 0)
    slope = np.polyfit(np.log(t[s]), np.log(y[s]), 1)[0]
    print("window %g-%g fs: %d lags, MSD at the end %.15g A^2, log-log slope %.15g" % (lo, hi, s.sum(), y[s][-1], slope))
