"""Writes the H5MD test files and a reference JSON of what MDAnalysis / h5py read back.

Run in this folder with Debian's packages (python3-ase, python3-mdanalysis, python3-h5py):
    /usr/bin/python3 make_h5md.py
The frames are the ASE Lennard-Jones MD of ../extxyz/lips-md-time.extxyz (48 atoms Li/P/S, 20 frames
10 fs apart, triclinic cell). See README.md for what each file exercises.
"""
import json

import h5py
import numpy as np
import MDAnalysis as mda
from MDAnalysis.coordinates.H5MD import H5MDWriter
from MDAnalysis.coordinates.memory import MemoryReader
from MDAnalysis.lib.mdamath import triclinic_box
from ase import units
from ase.data import atomic_numbers
from ase.io import read

frames = read("../extxyz/lips-md-time.extxyz", index=":", format="extxyz")
n_frames, n_atoms = len(frames), len(frames[0])
symbols = frames[0].get_chemical_symbols()
numbers = np.array([atomic_numbers[s] for s in symbols], dtype=np.int32)
coords = np.array([a.get_positions() for a in frames], dtype=np.float32)
dims = np.array([triclinic_box(*a.get_cell().array) for a in frames], dtype=np.float32)
times_fs = np.array([a.info["time"] / units.fs for a in frames])


def universe():
    u = mda.Universe.empty(n_atoms, trajectory=True)
    u.add_TopologyAttr("elements", symbols)
    # MemoryReader: Å and ps; dt in ps
    u.load_new(coords, format=MemoryReader, dimensions=dims, dt=(times_fs[1] - times_fs[0]) / 1000.0)
    u.trajectory.units = {"time": "ps", "length": "Angstrom", "velocity": None, "force": None}
    return u


def write_mdanalysis(name, **kw):
    u = universe()
    with H5MDWriter(name, n_atoms, velocities=False, forces=False, author="interphase tests", **kw) as w:
        for ts in u.trajectory:
            w.write(u.atoms)


# A: MDAnalysis defaults (Å, ps), box/edges/value [F][3][3]; species (atomic numbers) added by h5py
write_mdanalysis("lips-mda-angstrom-ps.h5md")
with h5py.File("lips-mda-angstrom-ps.h5md", "a") as f:
    f["particles/trajectory"].create_dataset("species", data=numbers)

# B: MDAnalysis in nm and fs, gzip-compressed; species as element names (strings) added by h5py
write_mdanalysis("lips-mda-nm-fs.h5", lengthunit="nm", timeunit="fs", compression="gzip", compression_opts=4)
with h5py.File("lips-mda-nm-fs.h5", "a") as f:
    f["particles/trajectory"].create_dataset("species", data=np.array(symbols, dtype="S2"))

# C: written with h5py by the H5MD 1.1 layout: fixed orthorhombic edges [3] in nm, fixed-interval
# step/time (scalars with offset), time-dependent species/value [F][N], contiguous position in nm, time in ps
edges_nm = np.array([1.1, 1.05, 0.82])
with h5py.File("lips-fixed-box.h5md", "w") as f:
    h = f.create_group("h5md")
    h.attrs["version"] = np.array([1, 1], dtype=np.int32)
    h.create_group("author").attrs["name"] = "interphase tests"
    c = h.create_group("creator")
    c.attrs["name"] = "h5py"
    c.attrs["version"] = h5py.__version__
    g = f.create_group("particles/lips")
    box = g.create_group("box")
    box.attrs["dimension"] = 3
    box.attrs["boundary"] = np.array([b"periodic", b"periodic", b"periodic"])
    e = box.create_dataset("edges", data=edges_nm)
    e.attrs["unit"] = "nm"
    pos = g.create_group("position")
    v = pos.create_dataset("value", data=coords.astype(np.float64) / 10.0)
    v.attrs["unit"] = "nm"
    s = pos.create_dataset("step", data=5)
    s.attrs["offset"] = 100
    t = pos.create_dataset("time", data=0.010)
    t.attrs["offset"] = 0.2
    t.attrs["unit"] = "ps"
    sp = g.create_group("species")
    sp.create_dataset("value", data=np.tile(numbers, (n_frames, 1)))
    sp.create_dataset("step", data=5).attrs["offset"] = 100

ref = {"versions": {"MDAnalysis": mda.__version__, "h5py": h5py.__version__}, "files": []}
for name in ("lips-mda-angstrom-ps.h5md", "lips-mda-nm-fs.h5"):
    u = mda.Universe.empty(n_atoms, trajectory=False)
    u.load_new(name, format="H5MD")  # MDAnalysis' H5MDReader converts to Å and ps
    entry = {"file": name, "frames": u.trajectory.n_frames, "atoms": n_atoms, "samples": []}
    for i in (0, 7, n_frames - 1):
        ts = u.trajectory[i]
        entry["samples"].append({"frame": i, "time_fs": ts.time * 1000.0, "step": int(ts.data["step"]),
                                 "cell": ts.triclinic_dimensions.astype(float).tolist(),
                                 "positions": {str(a): ts.positions[a].astype(float).tolist() for a in (0, 17, 47)}})
    ref["files"].append(entry)
with h5py.File("lips-fixed-box.h5md", "r") as f:
    v = f["particles/lips/position/value"]
    dt, t0 = float(f["particles/lips/position/time"][()]), float(f["particles/lips/position/time"].attrs["offset"])
    st, s0 = int(f["particles/lips/position/step"][()]), int(f["particles/lips/position/step"].attrs["offset"])
    entry = {"file": "lips-fixed-box.h5md", "frames": v.shape[0], "atoms": v.shape[1], "samples": []}
    for i in (0, 7, n_frames - 1):
        entry["samples"].append({"frame": i, "time_fs": (t0 + i * dt) * 1000.0, "step": s0 + i * st,
                                 "cell": (np.diag(f["particles/lips/box/edges"][()]) * 10.0).tolist(),
                                 "positions": {str(a): (v[i, a] * 10.0).tolist() for a in (0, 17, 47)}})
    ref["files"].append(entry)
ref["symbols"] = symbols
with open("reference.json", "w") as fh:
    json.dump(ref, fh, indent=1)

# D: damaged: position/value of shape [F][N] (no xyz axis), for the error message test
with h5py.File("damaged-position-shape.h5md", "w") as f:
    f.create_group("h5md").attrs["version"] = np.array([1, 1], dtype=np.int32)
    g = f.create_group("particles/lips")
    g.create_group("box").create_dataset("edges", data=edges_nm).attrs["unit"] = "nm"
    g.create_dataset("position/value", data=coords[:, :, 0].astype(np.float64) / 10.0).attrs["unit"] = "nm"
    g.create_dataset("species", data=numbers)

# a NaN in the positions (frame 7, atom 17, y), in a copy of the fixed-box file: must be refused, never read as a number
import shutil
shutil.copy("lips-fixed-box.h5md", "damaged-nan-position.h5md")
with h5py.File("damaged-nan-position.h5md", "r+") as f:
    v = f["particles/lips/position/value"]
    v[7, 17, 1] = np.nan
