"""Reference values for the LAMMPS dump reader tests, from ASE and MDAnalysis.

Run from this folder with Debian's interpreter (python3-ase, python3-mdanalysis):

    /usr/bin/python3 reference.py > reference.json

Conventions of the values (those of Interphase's reader, stated so they can be checked):
* atoms sorted by LAMMPS id; "index" is the 0-based position in that order;
* positions in Å in LAMMPS's own coordinates (the box origin xlo, ylo, zlo is kept), so for scaled
  columns ASE's positions (fractional x cell, without origin) get ASE's celldisp added;
* unwrapped where the dump allows: xu/xsu as they are, x/xs plus image flags ix iy iz times the cell
  vectors (ASE does not read image flags: they are taken from the file's columns here with numpy);
* velocities in Å/fs, forces in eV/Å (metal units);
* MSD of Li from the LAMMPS-unwrapped dump (xu yu zu), all time origins, no drift correction and
  with the mean displacement of S removed.
"""
import gzip
import json
import sys
import warnings

warnings.filterwarnings("ignore")

import ase
import ase.io
import ase.units
import MDAnalysis as mda
import numpy as np

LAMMPS = "29 Sep 2021 - Update 2 (Debian 12 package lammps)"
SPECORDER = ["Li", "S"]
IDS = [1, 2, 17, 54]
FRAMES = [0, 5, -1]


def columns(path):
    """Per frame, the ATOMS rows as a dict of name -> array, sorted by id (numpy only)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        lines = f.read().splitlines()
    frames, i = [], 0
    while i < len(lines):
        if lines[i].startswith("ITEM: NUMBER OF ATOMS"):
            n = int(lines[i + 1])
        if lines[i].startswith("ITEM: ATOMS"):
            names = lines[i].split()[2:]
            rows = [l.split() for l in lines[i + 1:i + 1 + n]]
            data = {c: np.array([r[k] for r in rows]) for k, c in enumerate(names)}
            order = np.argsort(data["id"].astype(int))
            frames.append({c: v[order] for c, v in data.items()})
            i += n
        i += 1
    return frames


def read_ase(path):
    return ase.io.read(path, format="lammps-dump-text", index=":", specorder=SPECORDER)


def positions(path, scaled, images):
    traj = read_ase(path)
    cols = columns(path) if images else None
    out = []
    for k, atoms in enumerate(traj):
        p = atoms.get_positions()
        if scaled:
            p = p + atoms.get_celldisp().reshape(3)
        if images:
            img = np.stack([cols[k][c].astype(float) for c in ("ix", "iy", "iz")], axis=1)
            p = p + img @ np.array(atoms.get_cell())
        out.append(p)
    return traj, out


def entry(path, scaled=False, images=False, kind=""):
    traj, pos = positions(path, scaled, images)
    cols = columns(path)
    ids = [int(i) for i in cols[0]["id"]]
    e = {
        "frames": len(traj),
        "atoms": len(traj[0]),
        "positions_kind": kind,
        "steps": steps(path),
        "species": {s: int(n) for s, n in zip(*np.unique(traj[0].get_chemical_symbols(), return_counts=True))},
        "cell_first": np.array(traj[0].get_cell()).tolist(),
        "cell_last": np.array(traj[-1].get_cell()).tolist(),
        "origin_first_a": traj[0].get_celldisp().reshape(3).tolist(),
        "elements_first": traj[0].get_chemical_symbols()[:6],
        "positions": [],
    }
    for fr in FRAMES:
        f = fr % len(traj)
        for atom_id in IDS + [max(ids)]:
            idx = ids.index(atom_id)
            e["positions"].append({"frame": f, "id": atom_id, "index": idx, "position_a": pos[f][idx].tolist()})
    return e, pos


def steps(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        lines = f.read().splitlines()
    return [int(lines[i + 1]) for i, l in enumerate(lines) if l.startswith("ITEM: TIMESTEP")]


def msd(u, select, lags, drift=None):
    """Mean over time origins and selected atoms of |u(t+lag) - u(t)|^2 (Å^2); u: frames x atoms x 3."""
    u = np.array(u)
    if drift is not None:
        u = u - u[:, drift, :].mean(axis=1, keepdims=True)
    res = []
    for lag in lags:
        d = u[lag:, select, :] - u[:len(u) - lag, select, :]
        res.append(float((d ** 2).sum(axis=2).mean()))
    return res


def main():
    files = {}
    files["ortho_wrapped.lammpstrj"], _ = entry("ortho_wrapped.lammpstrj", kind="wrapped")
    files["ortho_wrapped.lammpstrj.gz"], _ = entry("ortho_wrapped.lammpstrj.gz", kind="wrapped")
    files["ortho_unwrapped.lammpstrj"], unwrapped = entry("ortho_unwrapped.lammpstrj", kind="xu")
    files["ortho_scaled_images.lammpstrj"], sc = entry("ortho_scaled_images.lammpstrj", scaled=True, images=True, kind="xs+images")
    files["ortho_shuffled.lammpstrj"], sh = entry("ortho_shuffled.lammpstrj", images=True, kind="x+images")
    files["ortho_element.lammpstrj"], el = entry("ortho_element.lammpstrj", kind="xu, element column")
    files["tri_wrapped_images.lammpstrj"], ti = entry("tri_wrapped_images.lammpstrj", images=True, kind="x+images")
    files["tri_scaled.lammpstrj"], _ = entry("tri_scaled.lammpstrj", scaled=True, kind="xs")
    files["tri_scaled_unwrapped.lammpstrj"], tu = entry("tri_scaled_unwrapped.lammpstrj", scaled=True, kind="xsu")
    # the dumps are printed with 6 significant digits: unwrapping by image flags and LAMMPS's own
    # unwrapped columns agree to a few 1e-5 Å
    for a, b in ((sc, unwrapped), (sh, unwrapped), (el, unwrapped), (ti, tu)):
        assert max(np.abs(x - y).max() for x, y in zip(a, b)) < 2e-4
    # times: ITEM: TIME of ortho_element.lammpstrj is in ps (metal); timestep 0.002 ps = 2 fs
    files["ortho_element.lammpstrj"]["times_fs"] = [2.0 * s for s in steps("ortho_element.lammpstrj")]

    # velocities (Å/fs) and forces (eV/Å) of the shuffled dump, through ASE's unit handling
    sh_traj = read_ase("ortho_shuffled.lammpstrj")
    sh_ids = [int(i) for i in columns("ortho_shuffled.lammpstrj")[0]["id"]]
    vf = []
    for f in (0, len(sh_traj) - 1):
        for atom_id in IDS:
            idx = sh_ids.index(atom_id)
            vf.append({"frame": f, "id": atom_id, "index": idx,
                       "velocity_a_fs": (sh_traj[f].get_velocities()[idx] * ase.units.fs).tolist(),
                       "force_ev_a": sh_traj[f].get_forces()[idx].tolist()})
    files["ortho_shuffled.lammpstrj"]["velocities_forces"] = vf

    # MDAnalysis cross-checks: same positions for an orthogonal box at the origin, and the
    # triclinic cell's lengths and angles
    u = mda.Universe("ortho_wrapped.lammpstrj", format="LAMMPSDUMP")
    ase_w = read_ase("ortho_wrapped.lammpstrj")
    for k, ts in enumerate(u.trajectory):
        assert np.abs(u.atoms.positions - ase_w[k].get_positions()).max() < 1e-4  # MDAnalysis keeps float32
    ut = mda.Universe("tri_wrapped_images.lammpstrj", format="LAMMPSDUMP")
    files["tri_wrapped_images.lammpstrj"]["mdanalysis_dimensions_first"] = [float(x) for x in ut.dimensions]

    symbols = read_ase("ortho_unwrapped.lammpstrj")[0].get_chemical_symbols()
    li = [i for i, s in enumerate(symbols) if s == "Li"]
    sulfur = [i for i, s in enumerate(symbols) if s == "S"]
    lags = [1, 3, 6, 11]
    out = {
        "made_by": "reference.py",
        "tools": {"lammps": LAMMPS, "ase": ase.__version__, "mdanalysis": mda.__version__, "numpy": np.__version__},
        "ids": IDS,
        "files": files,
        "msd": {"file": "ortho_unwrapped.lammpstrj", "species": "Li", "atoms": len(li), "frame_spacing_fs": 40.0,
                "lags_frames": lags, "msd_a2": msd(unwrapped, li, lags), "msd_drift_s_a2": msd(unwrapped, li, lags, sulfur)},
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
