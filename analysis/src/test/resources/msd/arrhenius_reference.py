#!/usr/bin/python3
"""Reference numbers for ArrheniusTest: a weighted straight line through ln D against 1/T with numpy.

    /usr/bin/python3 arrhenius_reference.py

numpy.polyfit(1/T, ln D, 1, w=D/sigma_D, cov="unscaled") gives the slope, intercept and their
covariance from the D errors alone; when chi^2/(n-2) > 1 the covariance is multiplied by it (the
points scatter more than their errors say).  Ea = -slope * k_B.  ln D at 300 K and its standard
error from the covariance; the 95 % interval is ln D +- q * se with q the normal quantile (errors
from the D errors) or Student's t with n - 2 degrees of freedom (errors scaled by the scatter).
For 2 degrees of freedom t has the closed form t = a * sqrt(2 / (1 - a^2)), a = 2p - 1; the
normal quantile is found by bisection on erf.  sigma = n e^2 D / (k_B T), n in cm^-3.
"""
import math

import numpy as np

K_EV = 8.617333262e-5
K_J = 1.380649e-23
E_C = 1.602176634e-19


def normal_quantile(p):
    lo, hi = 0.0, 10.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < p:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def t2_quantile(p):
    a = 2 * p - 1
    return a * math.sqrt(2 / (1 - a * a))


def fit(name, t, d, e, density, target=300.0):
    t, d, e = map(np.asarray, (t, d, e))
    x, y, sy = 1 / t, np.log(d), e / d
    (slope, intercept), cov = np.polyfit(x, y, 1, w=1 / sy, cov="unscaled")
    chi2 = float(np.sum(((y - slope * x - intercept) / sy) ** 2))
    dof = len(t) - 2
    chi2red = chi2 / dof if dof > 0 else float("nan")
    scaled = dof > 0 and chi2red > 1
    if scaled:
        cov = cov * chi2red
        assert dof == 2, "closed-form t only for 2 degrees of freedom"
        q = t2_quantile(0.975)
    else:
        q = normal_quantile(0.975)
    xs = 1 / target
    ln_d = slope * xs + intercept
    se = math.sqrt(xs * xs * cov[0, 0] + cov[1, 1] + 2 * xs * cov[0, 1])
    d300 = math.exp(ln_d)
    sigma = density * 1e24 * E_C ** 2 * d300 / (K_J * target)
    print("== %s" % name)
    print("  Ea = %.15g eV, se = %.15g eV, chi2red = %.15g, q = %.15g" % (-slope * K_EV, math.sqrt(cov[0, 0]) * K_EV, chi2red, q))
    print("  D(300 K) = %.15g cm2/s, se = %.15g, 95%% CI [%.15g, %.15g]" % (d300, d300 * se, math.exp(ln_d - q * se),
                                                                              math.exp(ln_d + q * se)))
    print("  sigma(300 K) = %.15g S/cm, 95%% CI [%.15g, %.15g]" % (sigma, sigma * math.exp(-q * se), sigma * math.exp(q * se)))


if __name__ == "__main__":
    print("numpy", np.__version__)
    ts = [600.0, 800.0, 1000.0]
    ds = [1e-3 * math.exp(-0.30 / (K_EV * t)) for t in ts]
    fit("three exact points, 10 % errors", ts, ds, [0.1 * v for v in ds], 0.03)
    ts = [500.0, 650.0, 800.0, 1000.0]
    f = [1.10, 0.85, 1.15, 0.95]
    ds = [1e-3 * math.exp(-0.25 / (K_EV * t)) * g for t, g in zip(ts, f)]
    fit("four scattered points, 5 % errors", ts, ds, [0.05 * v for v in ds], 0.02)
