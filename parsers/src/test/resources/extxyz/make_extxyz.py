"""Writes the extended XYZ test files with ASE and a reference JSON of what ASE reads back.

Run with Debian's ASE (python3-ase 3.22.1):  /usr/bin/python3 make_extxyz.py
in this folder. Outputs:

  lips-md-time.extxyz    48-atom Li-P-S cell (slightly triclinic), Lennard-Jones MD with
                         VelocityVerlet (2 fs), 20 frames every 5 steps; atoms.info["time"] =
                         dyn.get_time() (ASE time units, as ASE's own readers store it), energy,
                         free_energy, forces, momenta, an extra per-atom column and a quoted
                         comment with spaces.
  lips-md-notime.extxyz  the same frames without times, pbc="T T F", no free_energy.
  reference.json         what ASE reads back from both files (times converted to fs by ASE's
                         units.fs), for the Java tests.
"""
import json

import numpy as np
import ase
from ase import Atoms, units
from ase.calculators.lj import LennardJones
from ase.calculators.singlepoint import SinglePointCalculator
from ase.io import read, write
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution
from ase.md.verlet import VelocityVerlet

rng = np.random.default_rng(7)
cell = np.array([[11.0, 0.0, 0.0], [0.6, 10.5, 0.0], [0.3, -0.4, 8.2]])
frac = []
for i in range(4):
    for j in range(4):
        for k in range(3):
            frac.append([(i + 0.5) / 4, (j + 0.5) / 4, (k + 0.5) / 3])
frac = np.array(frac) + rng.normal(0, 0.01, (48, 3))
symbols = ["Li"] * 18 + ["P"] * 6 + ["S"] * 24
order = rng.permutation(48)
atoms = Atoms([symbols[o] for o in order], scaled_positions=frac, cell=cell, pbc=True)
atoms.calc = LennardJones(sigma=2.2, epsilon=0.01, rc=5.0)
MaxwellBoltzmannDistribution(atoms, temperature_K=1200, rng=rng)

dyn = VelocityVerlet(atoms, timestep=2 * units.fs)
frames = []


def snapshot():
    a = atoms.copy()
    e = atoms.get_potential_energy()
    a.calc = SinglePointCalculator(a, energy=e, free_energy=e - 0.125, forces=atoms.get_forces())
    a.info["time"] = dyn.get_time()  # ASE time units
    a.info["comment"] = "LJ Li-P-S test cell"
    a.new_array("charge_q", np.where(np.array(a.get_chemical_symbols()) == "Li", 1.0, -1.0))
    frames.append(a)


snapshot()
for _ in range(19):
    dyn.run(5)
    snapshot()
write("lips-md-time.extxyz", frames, format="extxyz")

plain = []
for a in frames:
    b = Atoms(a.get_chemical_symbols(), positions=a.get_positions(), cell=a.get_cell(), pbc=[True, True, False])
    b.calc = SinglePointCalculator(b, energy=a.get_potential_energy())
    plain.append(b)
write("lips-md-notime.extxyz", plain, format="extxyz")


def describe(name, with_time):
    back = read(name, index=":", format="extxyz")
    out = {"file": name, "frames": len(back), "atoms": len(back[0]),
           "symbols": back[0].get_chemical_symbols(), "pbc": [bool(x) for x in back[0].pbc], "samples": []}
    for f in (0, 7, len(back) - 1):
        a = back[f]
        s = {"frame": f, "cell": a.get_cell().array.tolist(),
             "positions": {str(i): a.get_positions()[i].tolist() for i in (0, 17, 47)},
             "energy_ev": a.get_potential_energy()}
        if with_time:
            s["time_fs"] = a.info["time"] / units.fs
            s["free_energy_ev"] = a.get_potential_energy(force_consistent=True)
            s["forces_atom_17"] = a.get_forces()[17].tolist()
        out["samples"].append(s)
    return out


ref = {"ase_version": ase.__version__, "ase_time_unit_fs": 1 / units.fs,
       "files": [describe("lips-md-time.extxyz", True), describe("lips-md-notime.extxyz", False)]}
with open("reference.json", "w") as fh:
    json.dump(ref, fh, indent=1)
