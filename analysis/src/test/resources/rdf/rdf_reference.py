#!/usr/bin/python3
"""Reference g(r) from MDAnalysis InterRDF for RdfReferenceTest.

Usage: /usr/bin/python3 rdf_reference.py SHARED_DIR > reference.json

SHARED_DIR is the shared test-data folder beside the project (../shared). Written with Debian's
MDAnalysis 2.4.2, ASE 3.22.1 and NumPy 1.24.2 (the versions are recorded in the output).

MDAnalysis has no XDATCAR reader (MDAnalysis issue #3351), so every trajectory is read here (the
XDATCAR with ASE, the CP2K run with a few lines of NumPy), turned into fractional coordinates
with each frame's own cell, put back into Cartesian coordinates in the orientation MDAnalysis
builds from the box lengths and angles (a along x, b in the xy plane), and loaded into an empty
Universe with MemoryReader.  MDAnalysis keeps coordinates and boxes in float32.

InterRDF(g1, g2, nbins=r_max/bin, range=(0, r_max)) histograms every minimum-image A-B distance
below r_max (capped_distance), sums the histograms over the frames, and divides by
n_frames * 4/3 pi (r_{i+1}^3 - r_i^3) * N / <V>, with N = N_A N_B and <V> the mean volume over the
frames.  For a same-species pair (g1 = g2) exclusion_block=(1, 1) removes the self pairs and makes
N = N_A (N_A - 1).  Interphase normalises every frame with its own volume and averages over the
frames; for a fixed cell (the XDATCAR) the two are the same.  For the variable cell of the CP2K
NPT_F run the script therefore runs InterRDF on each frame alone and averages those g(r); it also
records the one-call InterRDF (mean volume) to show how large the difference is there.

Both trajectories keep r_max below half the smallest perpendicular width of every frame's cell,
where the minimum image is the only image within r_max (InterRDF never counts more than one image
of a pair); the script checks this.

Output: one JSON document, per case the file (relative to SHARED_DIR), the frames used (all), the
bins, and per pair g(r) ("g_r"), the summed histogram ("count", pairs over all frames; ordered
pairs, so each same-species pair twice), N_A, N_B and the mean volume.
"""
import gzip
import json
import sys
import warnings

import ase
import ase.io
import MDAnalysis as mda
import numpy as np
from MDAnalysis.analysis.rdf import InterRDF
from MDAnalysis.coordinates.memory import MemoryReader
from MDAnalysis.lib.mdamath import triclinic_box, triclinic_vectors

warnings.filterwarnings("ignore")


def universe(symbols, cells, frac):
    """An MDAnalysis Universe of n_frames frames; cells (F, 3, 3) rows a, b, c in A; frac (F, N, 3)."""
    dims = np.array([triclinic_box(*c) for c in cells])
    pos = np.array([f @ triclinic_vectors(d) for f, d in zip(frac, dims)])
    u = mda.Universe.empty(len(symbols), trajectory=True)
    u.add_TopologyAttr("name", symbols)
    u.add_TopologyAttr("type", symbols)
    u.load_new(pos, format=MemoryReader, dimensions=dims)
    return u


def widths(cell):
    v = abs(np.linalg.det(cell))
    return [v / np.linalg.norm(np.cross(cell[(i + 1) % 3], cell[(i + 2) % 3])) for i in range(3)]


def rdf(u, a, b, r_max, nbins, frames=None):
    g1 = u.select_atoms("name " + a)
    g2 = u.select_atoms("name " + b)
    block = (1, 1) if a == b else None
    r = InterRDF(g1, g2, nbins=nbins, range=(0.0, r_max), exclusion_block=block)
    if frames is None:
        r.run()
    else:
        r.run(frames=frames)
    return r, len(g1), len(g2)


def case(u, cells, pairs, r_max, nbins, per_frame):
    vol = [abs(np.linalg.det(c)) for c in cells]
    assert r_max < 0.5 * min(min(widths(c)) for c in cells), "r_max must stay below half the cell for InterRDF"
    out = {"frames": len(cells), "r_max_a": r_max, "nbins": nbins, "mean_volume_a3": float(np.mean(vol)), "pairs": {}}
    for a, b in pairs:
        whole, na, nb = rdf(u, a, b, r_max, nbins)
        entry = {"n_a": na, "n_b": nb, "r_a": whole.results.bins.tolist(), "count": whole.results.count.tolist()}
        if per_frame:
            g = np.mean([rdf(u, a, b, r_max, nbins, frames=[f])[0].results.rdf for f in range(len(cells))], axis=0)
            entry["g_r"] = g.tolist()
            entry["g_r_mean_volume"] = whole.results.rdf.tolist()
        else:
            entry["g_r"] = whole.results.rdf.tolist()
        out["pairs"][a + "-" + b] = entry
    return out


def xdatcar(shared):
    path = "data/real/kinisi/example_XDATCAR.gz"
    with gzip.open(shared + "/" + path, "rt") as fh:
        images = ase.io.read(fh, index=":", format="vasp-xdatcar")
    cells = np.array([im.cell.array for im in images])
    frac = np.array([im.get_scaled_positions(wrap=False) for im in images])
    u = universe(images[0].get_chemical_symbols(), cells, frac)
    out = case(u, cells, [("Li", "S"), ("P", "S"), ("Li", "Li")], 8.0, 160, per_frame=False)
    out["file"] = path
    return out


def cp2k_npt_f(shared):
    base = "data/real/cp2kdata/test_dpdata/v7.1/aimd_npt_f/"
    lines = open(shared + "/" + base + "cp2k-pos-1.xyz").read().splitlines()
    n = int(lines[0])
    symbols, pos, steps = None, [], []
    for k in range(0, len(lines), n + 2):
        steps.append(int(lines[k + 1].split(",")[0].split("=")[1]))
        block = [l.split() for l in lines[k + 2:k + 2 + n]]
        symbols = [x[0] for x in block]
        pos.append([[float(v) for v in x[1:4]] for x in block])
    table = np.loadtxt(shared + "/" + base + "cp2k-1.cell")
    by_step = {int(row[0]): row[2:11].reshape(3, 3) for row in table}
    cells = np.array([by_step[s] for s in steps])
    frac = np.array([np.array(p) @ np.linalg.inv(c) for p, c in zip(pos, cells)])
    u = universe(symbols, cells, frac)
    out = case(u, cells, [("N", "O"), ("N", "N")], 5.0, 100, per_frame=True)
    out["file"] = base + "cp2k-pos-1.xyz"
    return out


def main():
    shared = sys.argv[1]
    doc = {
        "tools": {"MDAnalysis": mda.__version__, "ase": ase.__version__, "numpy": np.__version__},
        "kinisi_xdatcar": xdatcar(shared),
        "cp2k_npt_f": cp2k_npt_f(shared),
    }
    json.dump(doc, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
