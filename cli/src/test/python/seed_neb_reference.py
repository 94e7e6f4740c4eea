#!/usr/bin/env python3
"""Reference barriers of the seed-study CP2K bands (examples/seed-study/neb_*), with ASE NEBTools.

usage: /usr/bin/python3 seed_neb_reference.py EXAMPLES_DIR   (Debian python3-ase 3.22.1)

Like ../shared/data/cp2k/neb_li_hop/make_reference.py: geometries from the last frame of each
PROJECT-pos-Replica_nr_<i>-1.xyz(.xz), cell from the band input's &CELL, energies and forces from
the CP2K ENERGY_FORCE single points SP<i>.out(.xz) on those geometries (Hartree, Hartree/bohr).
NEBTools.get_barrier(fit=True) is ASE's cubic fit through energies and tangential forces.
The values printed are written into NebCommandTest.
"""
import lzma, re, sys, warnings
warnings.filterwarnings('ignore')
import numpy as np
import ase, ase.io
from ase.calculators.singlepoint import SinglePointCalculator
from ase.neb import NEBTools

HA = 27.211386245988
BOHR = 0.529177210903

def text(path):
    return lzma.open(path, 'rt').read() if path.endswith('.xz') else open(path).read()

def cell_of(inp):
    v = {}
    for line in text(inp).splitlines():
        t = line.split()
        if len(t) == 4 and t[0] in ('A', 'B', 'C'):
            v[t[0]] = [float(x) for x in t[1:]]
    return np.array([v['A'], v['B'], v['C']])

def last_frame(path):
    lines = text(path).splitlines()
    i, last = 0, None
    while i < len(lines) and lines[i].strip():
        n = int(lines[i]); last = lines[i:i + n + 2]; i += n + 2
    sym = [l.split()[0] for l in last[2:]]
    pos = [[float(x) for x in l.split()[1:4]] for l in last[2:]]
    return ase.Atoms(sym, positions=pos)

def single_point(path):
    txt = text(path)
    e = float(re.findall(r'ENERGY\| Total FORCE_EVAL \( QS \) energy \[a\.u\.\]:\s+(\S+)', txt)[-1])
    blk = txt.split('ATOMIC FORCES in [a.u.]')[-1].split('SUM OF ATOMIC FORCES')[0]
    f = [[float(x) for x in l.split()[3:6]] for l in blk.splitlines() if len(l.split()) == 6 and l.split()[0].isdigit()]
    return e, np.array(f)

def barrier(folder, project, sp, n):
    cell = cell_of(f'{folder}/{project}.inp')
    images = []
    for i in range(1, n + 1):
        at = last_frame(f'{folder}/{project}-pos-Replica_nr_{i}-1.xyz.xz')
        e, f = single_point(f'{folder}/{sp}{i}.out.xz')
        at.set_cell(cell); at.pbc = True
        at.calc = SinglePointCalculator(at, energy=e * HA, forces=f * HA / BOHR)
        images.append(at)
    nt = NEBTools(images)
    fwd, de = nt.get_barrier(fit=True)
    img, _ = nt.get_barrier(fit=False)
    return fwd, fwd - de, de, img

ex = sys.argv[1]
print('ase', ase.__version__)
for label, folder, project, sp in [
        ('neb_li2s_lpsc', f'{ex}/seed-study/neb_li2s_lpsc', 'band_li2s_lpsc', 'sp_li2s_lpsc_'),
        ('neb_li2s_lps_lpsc/continued', f'{ex}/seed-study/neb_li2s_lps_lpsc/continued', 'band_li2s_lps_lpsc_cont', 'sp_li2s_lps_lpsc_cont_'),
        ('neb_li2s_lps_lpsc (first band)', f'{ex}/seed-study/neb_li2s_lps_lpsc', 'band_li2s_lps_lpsc', 'sp_li2s_lps_lpsc_')]:
    fwd, bwd, de, img = barrier(folder, project, sp, 5)
    print(f'{label}: forward {fwd!r} backward {bwd!r} reaction {de!r} highest image {img!r} eV')
