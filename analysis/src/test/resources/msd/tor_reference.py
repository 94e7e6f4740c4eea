#!/usr/bin/env python3
"""Independent TOR reference for MsdTorTest (parses the XDATCAR itself; NumPy only).

Usage: python3 tor_reference.py XDATCAR SPECIES DT_FS

Reads a variable-cell VASP XDATCAR (a full header before every configuration), turns the
direct coordinates into Cartesian ones with that frame's cell (rows a, b, c times the scale
factor), and unwraps with the TOR scheme (Bullerjahn et al., JCTC 2023, 10.1021/acs.jctc.3c00308):

    u(0) = w(0)
    u(t) = u(t-1) + d - L(t) round(L(t)^-1 d),   d = w(t) - w(t-1)

(L(t) the frame's cell with lattice vectors as columns; with row vectors as here this is
d - round(d M^-1) M).  The MSD of SPECIES is averaged over atoms and over all time origins
t = 0 .. n-1-m at every lag m, (a) without drift correction and (b) after subtracting, frame by
frame, the mean unwrapped position of all atoms of other elements.  D is the ordinary
least-squares slope of MSD against lag time over lags 1 .. n-1, divided by 6, in cm^2/s
(1 A^2/fs = 0.1 cm^2/s).  For comparison the script also prints the superseded scheme
(fractional step rounded, times the current cell).
"""
import sys

import numpy as np


def read_xdatcar(path):
    lines = open(path).read().splitlines()
    cells, fracs, species = [], [], None
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        scale = float(lines[i + 1].split()[0])
        m = np.array([[float(x) for x in lines[i + k].split()[:3]] for k in (2, 3, 4)]) * scale
        names = lines[i + 5].split()
        counts = [int(x) for x in lines[i + 6].split()]
        assert lines[i + 7].strip().lower().startswith("direct"), lines[i + 7]
        n = sum(counts)
        f = np.array([[float(x) for x in lines[i + 8 + k].split()[:3]] for k in range(n)])
        species = [e for e, c in zip(names, counts) for _ in range(c)]
        cells.append(m)
        fracs.append(f)
        i += 8 + n
    return species, np.array(cells), np.array(fracs)


def tor(cells, wrapped):
    u = np.empty_like(wrapped)
    u[0] = wrapped[0]
    for t in range(1, len(cells)):
        d = wrapped[t] - wrapped[t - 1]
        n = np.rint(d @ np.linalg.inv(cells[t]))
        u[t] = u[t - 1] + d - n @ cells[t]
    return u


def old_scheme(cells, fracs, wrapped):
    u = np.empty_like(wrapped)
    u[0] = wrapped[0]
    for t in range(1, len(cells)):
        s = fracs[t] - fracs[t - 1]
        s -= np.rint(s)
        u[t] = u[t - 1] + s @ cells[t]
    return u


def msd(x):
    n = x.shape[0]
    out = np.zeros(n)
    for m in range(1, n):
        out[m] = np.mean(np.sum((x[m:] - x[:n - m]) ** 2, axis=2))
    return out


def report(label, u, mobile, ref, dt):
    n = u.shape[0]
    lag_fs = np.arange(n) * dt
    for name, x in (("no drift correction", u[:, mobile]),
                    ("drift corrected", u[:, mobile] - u[:, ref].mean(axis=1, keepdims=True))):
        r = msd(x)
        slope = np.polyfit(lag_fs[1:], r[1:], 1)[0]
        print(f"{label}, {name}:")
        for m in range(1, n):
            print(f"  MSD(lag {m} = {lag_fs[m] / 1000:g} ps) = {r[m]!r} A^2")
        print(f"  D (OLS, lags 1..{n - 1}) = {slope / 6 * 0.1!r} cm^2/s")


def main():
    path, el, dt = sys.argv[1], sys.argv[2], float(sys.argv[3])
    species, cells, fracs = read_xdatcar(path)
    wrapped = np.einsum("tij,tjk->tik", fracs, cells)
    mobile = [i for i, s in enumerate(species) if s == el]
    ref = [i for i, s in enumerate(species) if s != el]
    print(f"{path}: {len(cells)} frames, species {species}, {el} atoms {mobile}, dt {dt} fs")
    report("TOR", tor(cells, wrapped), mobile, ref, dt)
    report("old scheme", old_scheme(cells, fracs, wrapped), mobile, ref, dt)


if __name__ == "__main__":
    main()
