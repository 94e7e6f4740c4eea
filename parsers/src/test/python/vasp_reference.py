"""Independent reference values for the VASP reader tests, computed with ASE (Debian python3-ase).

Run with Debian's interpreter from the project root:  /usr/bin/python3 parsers/src/test/python/vasp_reference.py
The numbers printed are written into VaspReadersRealFilesTest with a comment naming this script.
"""
import sys
import ase
from ase.io import read

R = "../shared/data/real/"
CASES = [
    ("kinisi/example_XDATCAR.gz", "vasp-xdatcar"),
    ("argyrodite-disorder/data/Li6PS5Cl/0p/run1/actual_XDATCAR.gz", "vasp-xdatcar"),
    ("aimd-pt-water/XDATCAR", "vasp-xdatcar"),
    ("simsoliqtools/data/Pt111_24H2O_x/run1/XDATCAR", "vasp-xdatcar"),
    ("simsoliqtools/data/Pt111_24H2O_x/run2/XDATCAR", "vasp-xdatcar"),
    ("pymatgen/test_files/XDATCAR_4", "vasp-xdatcar"),
    ("pymatgen/test_files/XDATCAR_5", "vasp-xdatcar"),
    ("pymatgen/test_files/XDATCAR_6", "vasp-xdatcar"),
    ("pymatgen/test_files/XDATCAR.MD", "vasp-xdatcar"),
    ("mdanse/MDANSE/Tests/UnitTests/Data/XDATCAR_version5", "vasp-xdatcar"),
    ("simsoliqtools/data/Pt111_24H2O_x/run1/OUTCAR", "vasp-out"),
    ("simsoliqtools/data/Pt111_24H2O_x/run2/OUTCAR", "vasp-out"),
    ("dpdata/poscars/OUTCAR.h2o.md.10", "vasp-out"),
    ("dpdata/poscars/OUTCAR.ch4.unconverged", "vasp-out"),
    ("dpdata/poscars/OUTCAR.ch4.ml", "vasp-out"),
    ("dpdata/poscars/Ti-aimd-nwrite0/OUTCAR", "vasp-out"),
    ("dpdata/poscars/6362_OUTCAR", "vasp-out"),
    ("pymatgen/test_files/relaxation/OUTCAR", "vasp-out"),
    ("bilayer-graphene-neb/fig-2d-NEB/NEB/00/OUTCAR.gz", "vasp-out"),
    ("bilayer-graphene-neb/fig-2d-NEB/NEB/04/OUTCAR.gz", "vasp-out"),
    ("simsoliqtools/data/Pt111_24H2O_x/run1/vasprun.xml", "vasp-xml"),
    ("dpdata/poscars/vasprun.h2o.md.10.xml", "vasp-xml"),
    ("dpdata/poscars/vasprun.h2o.md.tribox.xml", "vasp-xml"),
    ("dpdata/poscars/Ti-aimd-nwrite0/vasprun.xml", "vasp-xml"),
    ("pymatgen/test_files/relaxation/vasprun.xml", "vasp-xml"),
    ("pymatgen/test_files/CONTCAR.MD", "vasp"),
    ("simsoliqtools/data/Pt111_24H2O_x/run1/POSCAR", "vasp"),
    ("simsoliqtools/data/Pt111_24H2O_x/run1/CONTCAR", "vasp"),
    ("modalNEB/NEB/LLTO/00/POSCAR", "vasp"),
    ("modalNEB/NEB/LLTO/02/CONTCAR", "vasp"),
    ("bilayer-graphene-neb/fig-2d-NEB/NEB/03/CONTCAR", "vasp"),
]
print("ase", ase.__version__)
for path, fmt in CASES:
    try:
        frames = read(R + path, index=":", format=fmt)
    except Exception as e:  # report, keep going
        print(path, "ASE FAILED", type(e).__name__, e)
        continue
    f0, fl = frames[0], frames[-1]
    n = len(f0)
    e0 = el = None
    try:
        e0 = f0.get_potential_energy(force_consistent=True)
        el = fl.get_potential_energy(force_consistent=True)
    except Exception:
        pass
    p_last = fl.positions[-1]
    c = fl.cell[:]
    print(f"{path} | atoms {n} | frames {len(frames)} | symbols {f0.get_chemical_formula(mode='reduce')} "
          f"| first atom0 {f0.positions[0][0]:.10f} {f0.positions[0][1]:.10f} {f0.positions[0][2]:.10f} "
          f"| last atom-1 {p_last[0]:.10f} {p_last[1]:.10f} {p_last[2]:.10f} "
          f"| last cell row2 {c[2][0]:.10f} {c[2][1]:.10f} {c[2][2]:.10f} "
          f"| E_free first {e0} last {el}")
    if fl.calc is not None and "forces" in fl.calc.results:
        fo = fl.get_forces()[-1]
        print(f"   last force atom-1 {fo[0]:.8f} {fo[1]:.8f} {fo[2]:.8f}")
