#!/usr/bin/python3
"""Reference van Hove correlations in plain NumPy for VanHoveReferenceTest.

Usage: /usr/bin/python3 vanhove_reference.py SHARED_DIR > reference.json

SHARED_DIR is the shared test-data folder beside the project (../shared). Written with Debian's
NumPy 1.24.2 and ASE 3.22.1 (the versions are recorded in the output).

The definition, written out here independently of the Java code (no pymatgen: its VanHoveAnalysis
smears with Gaussians and samples 50 origins, see vanhove.md):

  positions   w(t) as stored (Cartesian A), L(t) the cell of frame t (rows a, b, c)
  unwrapping  u(0) = w(0); u(t) = u(t-1) + d - round(d L(t)^-1) L(t),  d = w(t) - w(t-1)   (TOR scheme)
  drift       D(t) = mean over the atoms of the other elements of u(t) - u(0); x(t) = u(t) - D(t)
  lag m       origins t0 = 0 .. F-m-1 (all), O = F - m of them
  bins        edges k * r_max / bins for k < bins, then r_max; np.histogram
  self        h_s = histogram of |x_i(t0+m) - x_i(t0)| < r_max over i and t0
              4 pi r^2 G_s = h_s / (O N dr)
  distinct    for each t0, every image n of every other atom j != i at t0+m, in the cell L(t0+m),
              within r_max of x_i(t0) (no image of i itself: that is the self part);
              G_d = sum_t0 V(t0+m) h_t0 / (O N (N-1) 4/3 pi (r_hi^3 - r_lo^3))
  also        mean |dr| per lag, the share of |dr| > 2 A, the share of |dr| >= r_max

Images: with f the fractional displacement reduced to [-1/2, 1/2] by rounding, an image f + n lies
within r_max only if |f_k + n_k| w_k < r_max along each face normal (w_k the perpendicular width),
so |n_k| <= ceil(r_max / w_k + 1/2) covers them all; the script loops over that box of n.

Per region and direction: only the (atom, origin) pairs with the atom in the slab at the origin (its
position wrapped into the origin's cell) count, in the self part and as centres of the distinct part
(neighbours: every other atom); N O above becomes their number. The self part histograms the length
of the displacement's chosen components.

Cases: kinisi's Li6PS5Cl XDATCAR (first 60 frames, Li; fixed, nearly cubic cell of 20.31 A) to
10 A in bins of 0.1 A (below half the cell), to 12 A in bins of 0.25 A (beyond it: two images
of some atoms), and to 10 A for the Li in z = 5:12 A at the origin with the self part along z; the CP2K 7.1 NPT_F run (11 frames, N; triclinic cell changing every frame) to 5 A
and to 8 A in bins of 0.1 A.
"""
import gzip
import itertools
import json
import sys

import ase
import ase.io
import numpy as np


def widths(cell):
    v = abs(np.linalg.det(cell))
    return np.array([v / np.linalg.norm(np.cross(cell[(i + 1) % 3], cell[(i + 2) % 3])) for i in range(3)])


def unwrap(w, cells):
    """TOR unwrapping of the Cartesian positions w (F, N, 3) with the cells (F, 3, 3)."""
    u = np.empty_like(w)
    u[0] = w[0]
    for t in range(1, len(w)):
        d = w[t] - w[t - 1]
        u[t] = u[t - 1] + d - np.rint(d @ np.linalg.inv(cells[t])) @ cells[t]
    return u


def corrected(w, cells, species_mask):
    u = unwrap(w, cells)
    ref = u[:, ~species_mask]
    drift = ref.mean(axis=1) - ref[0].mean(axis=0) if ref.shape[1] else np.zeros((len(u), 3))
    return u[:, species_mask] - drift[:, None, :]


def edges_of(r_max, bin_a):
    bins = max(1, int(np.ceil(r_max / bin_a - 1e-9)))
    width = r_max / bins
    e = np.arange(bins + 1) * width
    e[bins] = r_max
    return e, width


def distinct_counts(a, b, cell, edges):
    """Histogram of |b_j + n L - a_i| < r_max over every image n and every j != i."""
    r_max = edges[-1]
    inv = np.linalg.inv(cell)
    d = b[None, :, :] - a[:, None, :]              # d[i, j] = b_j - a_i
    f = d @ inv
    f0 = f - np.rint(f)
    reach = [int(np.ceil(r_max / w + 0.5)) for w in widths(cell)]
    n_atoms = len(a)
    eye = np.eye(n_atoms, dtype=bool)
    counts = np.zeros(len(edges) - 1)
    for n in itertools.product(*[range(-q, q + 1) for q in reach]):
        g = f0 + np.array(n)
        r = np.linalg.norm(g @ cell, axis=-1)
        keep = (r < r_max) & ~eye
        counts += np.histogram(r[keep], bins=edges)[0]
    return counts


def in_region(x, cell, region):
    """Which atoms of x (N, 3) lie in the slab region = (axis, lo, hi) once wrapped into the cell."""
    if region is None:
        return np.ones(len(x), dtype=bool)
    axis, lo, hi = region
    f = x @ np.linalg.inv(cell)
    c = (f - np.floor(f)) @ cell
    return (c[:, axis] >= lo) & (c[:, axis] < hi)


def van_hove(x, cells, lags, r_max, bin_a, region=None, axes=(0, 1, 2)):
    frames, n_atoms, _ = x.shape
    edges, width = edges_of(r_max, bin_a)
    shell = 4.0 / 3.0 * np.pi * (edges[1:] ** 3 - edges[:-1] ** 3)
    vol = np.array([abs(np.linalg.det(c)) for c in cells])
    out = {"r_max_a": r_max, "bin_a": width, "r_a": (0.5 * (edges[:-1] + edges[1:])).tolist(), "lag_frames": lags,
           "origins": [], "g_self": [], "g_distinct": [], "mean_displacement_a": [], "displaced_fraction": [],
           "self_beyond_r_max_fraction": []}
    if region is not None:
        out["region"] = list(region)
        out["axes"] = list(axes)
    inside = np.array([in_region(x[t], cells[t], region) for t in range(frames)])
    for m in lags:
        origins = frames - m
        d = (x[m:] - x[:origins])[:, :, list(axes)]
        disp = np.linalg.norm(d, axis=-1)[inside[:origins]]
        hs = np.histogram(disp[disp < r_max], bins=edges)[0]
        hd = np.zeros(len(edges) - 1)
        for t0 in range(origins):
            keep = inside[t0]
            counts = distinct_counts_from(x[t0], x[t0 + m], cells[t0 + m], edges, keep)
            hd += vol[t0 + m] * counts
        samples = len(disp)
        out["origins"].append(origins)
        out["g_self"].append((hs / (samples * width)).tolist())
        out["g_distinct"].append((hd / (samples * (n_atoms - 1) * shell)).tolist())
        out["mean_displacement_a"].append(float(disp.mean()))
        out["displaced_fraction"].append(float((disp > 2.0).mean()))
        out["self_beyond_r_max_fraction"].append(float((disp >= r_max).mean()))
    return out


def distinct_counts_from(a, b, cell, edges, keep):
    """distinct_counts with only the centres a_i, i in keep (a boolean mask), and every other atom j as neighbour."""
    if keep.all():
        return distinct_counts(a, b, cell, edges)
    r_max = edges[-1]
    inv = np.linalg.inv(cell)
    idx = np.nonzero(keep)[0]
    d = b[None, :, :] - a[idx][:, None, :]
    f = d @ inv
    f0 = f - np.rint(f)
    reach = [int(np.ceil(r_max / w + 0.5)) for w in widths(cell)]
    same = np.zeros((len(idx), len(b)), dtype=bool)
    same[np.arange(len(idx)), idx] = True
    counts = np.zeros(len(edges) - 1)
    for n in itertools.product(*[range(-q, q + 1) for q in reach]):
        g = f0 + np.array(n)
        r = np.linalg.norm(g @ cell, axis=-1)
        counts += np.histogram(r[(r < r_max) & ~same], bins=edges)[0]
    return counts


def xdatcar(shared):
    path = "data/real/kinisi/example_XDATCAR.gz"
    with gzip.open(shared + "/" + path, "rt") as fh:
        images = ase.io.read(fh, index=":60", format="vasp-xdatcar")
    cells = np.array([im.cell.array for im in images])
    w = np.array([im.get_scaled_positions(wrap=False) @ im.cell.array for im in images])
    mask = np.array(images[0].get_chemical_symbols()) == "Li"
    x = corrected(w, cells, mask)
    lags = [0, 5, 17, 40]
    return {"file": path, "frames": len(images), "species": "Li", "atoms": int(mask.sum()),
            "ranges": [van_hove(x, cells, lags, 10.0, 0.1), van_hove(x, cells, lags, 12.0, 0.25),
                       van_hove(x, cells, lags, 10.0, 0.1, region=(2, 5.0, 12.0), axes=(2,))]}


def cp2k_npt_f(shared):
    base = "data/real/cp2kdata/test_dpdata/v7.1/aimd_npt_f/"
    lines = open(shared + "/" + base + "cp2k-pos-1.xyz").read().splitlines()
    n = int(lines[0])
    symbols, pos, steps = None, [], []
    for k in range(0, len(lines), n + 2):
        steps.append(int(lines[k + 1].split(",")[0].split("=")[1]))
        block = [l.split() for l in lines[k + 2:k + 2 + n]]
        symbols = [b[0] for b in block]
        pos.append([[float(v) for v in b[1:4]] for b in block])
    table = np.loadtxt(shared + "/" + base + "cp2k-1.cell")
    by_step = {int(row[0]): row[2:11].reshape(3, 3) for row in table}
    cells = np.array([by_step[s] for s in steps])
    mask = np.array(symbols) == "N"
    x = corrected(np.array(pos), cells, mask)
    lags = [0, 3, 10]
    return {"file": base + "cp2k-pos-1.xyz", "frames": len(steps), "species": "N", "atoms": int(mask.sum()),
            "ranges": [van_hove(x, cells, lags, 5.0, 0.1), van_hove(x, cells, lags, 8.0, 0.1)]}


def main():
    shared = sys.argv[1]
    doc = {
        "tools": {"numpy": np.__version__, "ase": ase.__version__},
        "kinisi_xdatcar": xdatcar(shared),
        "cp2k_npt_f": cp2k_npt_f(shared),
    }
    json.dump(doc, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
