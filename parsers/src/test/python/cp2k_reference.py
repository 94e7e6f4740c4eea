"""Independent reference values for the CP2K reader tests: ASE (Debian python3-ase 3.22.1) reads each
positions trajectory; the .cell and .ener first rows are taken as text. Energies stay in Hartree here:
the Java test converts them by hand with 1 Ha = 27.211386245988 eV, written in the test.

Run from the project root:  /usr/bin/python3 parsers/src/test/python/cp2k_reference.py
"""
import glob, os
from ase.io import read

for pos in sorted(glob.glob("../shared/data/real/**/*-pos-*.xyz", recursive=True) + glob.glob("../shared/data/cp2k/*/*-pos-*.xyz")):
    if "Replica" in pos:
        continue
    try:
        frames = read(pos, index=":", format="xyz")
    except Exception as e:
        print(pos, "ASE FAILED", e); continue
    with open(pos) as f:
        f.readline()
        comment = f.readline()
    e_ha = comment.split("E =")[1].strip() if "E =" in comment else None
    f0, fl = frames[0], frames[-1]
    print(f"{pos[len('../shared/data/'):]} | atoms {len(f0)} | frames {len(frames)} | first0 {f0.positions[0].round(10).tolist()} "
          f"| lastN {fl.positions[-1].round(10).tolist()} | E0_Ha {e_ha} | comment {comment.strip()[:40]}")
for cell in sorted(glob.glob("../shared/data/real/**/*.cell", recursive=True) + glob.glob("../shared/data/cp2k/*/*.cell")):
    rows = [l.split() for l in open(cell) if l.strip() and not l.startswith("#")]
    print(f"{cell[len('../shared/data/'):]} | rows {len(rows)} | first {rows[0][:11]} | last {rows[-1][:11]}")
