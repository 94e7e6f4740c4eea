"""OSZICAR reference values with pymatgen (Debian python3-pymatgen): number of ionic steps and the
F / E0 (and T for MD) of the first and last step. Run from the project root with /usr/bin/python3."""
import glob
from pymatgen.io.vasp.outputs import Oszicar
for p in sorted(glob.glob("../shared/data/real/**/OSZICAR", recursive=True)):
    o = Oszicar(p)
    s = o.ionic_steps
    print(p[len("../shared/data/real/"):], len(s), s[0].get("F"), s[0].get("E0"), s[-1].get("F"), s[-1].get("E0"), s[-1].get("T"))
