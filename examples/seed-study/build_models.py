"""Builds the four interface models of the seed study and the part slabs they are compared with.

Run with Debian's interpreter (python3-ase):  /usr/bin/python3 build_models.py
Writes <name>.xyz (CP2K COORD_FILE) and <name>.cell.txt for every model and reference slab.

Models (interface normal along c, slabs separated by vacuum, one contact per pair of phases):
  s8_lps_lpsc     S8 | Li3PS4 | Li6PS5Cl
  li2s_lps_lpsc   Li2S | Li3PS4 | Li6PS5Cl
  s8_lpsc         S8 | Li6PS5Cl
  li2s_lpsc       Li2S | Li6PS5Cl
References (same in-plane cell): li2s, s8, lpsc, lps_lpsc.

Cell matching: the in-plane cell is 2 x 2 conventional cells of antifluorite Li2S (a = 5.71 A), so
Li2S is unstrained; the other phases are built in that cell at their bulk densities, so they carry
no strain either: Li6PS5Cl and Li3PS4 are amorphous (glassy) packings of PS4 tetrahedra and ions, and
S8 is a layer of crown rings. That is the approximation of this small model: the electrolyte
phases are glasses, not crystals. Every part is stoichiometric and charge-balanced
(Li2S, Li6PS5Cl = 6 Li+ + PS4(3-) + S(2-) + Cl-, Li3PS4 = 3 Li+ + PS4(3-), S8 neutral).
"""
import numpy as np
from ase import Atoms
from ase.io import write

A_LI2S = 5.71
A = 2 * A_LI2S          # in-plane cell, A
GAP = 2.2               # spacing between phases, A
VACUUM = 12.0
RNG = np.random.default_rng(20261125)


def li2s_slab():
    s = [(0, 0, 0), (0, .5, .5), (.5, 0, .5), (.5, .5, 0)]
    li = [(x, y, z) for x in (.25, .75) for y in (.25, .75) for z in (.25, .75)]
    pos, sym = [], []
    for i in range(2):
        for j in range(2):
            for f in s:
                pos.append(((f[0] + i) * A_LI2S, (f[1] + j) * A_LI2S, f[2] * A_LI2S)); sym.append('S')
            for f in li:
                pos.append(((f[0] + i) * A_LI2S, (f[1] + j) * A_LI2S, f[2] * A_LI2S)); sym.append('Li')
    return sym, np.array(pos), A_LI2S


def ps4():
    d = 2.05 / np.sqrt(3)
    return ['P', 'S', 'S', 'S', 'S'], np.array([[0, 0, 0], [d, d, d], [d, -d, -d], [-d, d, -d], [-d, -d, d]])


def s8():
    # crown ring: S-S 2.05 A, S-S-S ~108 deg: radius 2.33 A, atoms alternately +-0.44 A
    r, h = 2.33, 0.44
    pos = [[r * np.cos(k * np.pi / 4), r * np.sin(k * np.pi / 4), h if k % 2 == 0 else -h] for k in range(8)]
    return ['S'] * 8, np.array(pos)


def rotation():
    q = RNG.normal(size=4); q /= np.linalg.norm(q)
    a, b, c, d = q
    return np.array([[a*a+b*b-c*c-d*d, 2*(b*c-a*d), 2*(b*d+a*c)],
                     [2*(b*c+a*d), a*a-b*b+c*c-d*d, 2*(c*d-a*b)],
                     [2*(b*d-a*c), 2*(c*d+a*b), a*a-b*b-c*c+d*d]])


def min_dist(p, placed, cell_xy):
    if len(placed) == 0:
        return 9.9
    d = np.array(placed)[:, None, :] - p[None, :, :]
    d[..., :2] -= cell_xy * np.round(d[..., :2] / cell_xy)
    return np.sqrt((d ** 2).sum(-1)).min()


def flat_rotation():
    t = RNG.uniform(0, 2 * np.pi)
    return np.array([[np.cos(t), -np.sin(t), 0], [np.sin(t), np.cos(t), 0], [0, 0, 1]])


def pack(units, z0, thickness, clearance, flat=False):
    """Random non-overlapping placement of rigid units in x, y (periodic) and z0..z0+thickness."""
    sym, pos = [], []
    for name, (usym, upos) in units:
        for attempt in range(20000):
            rot = flat_rotation() if flat else rotation()
            p = upos @ rot.T if len(usym) > 1 else upos.copy()
            lo, hi = p[:, 2].min(), p[:, 2].max()
            if hi - lo > thickness:
                continue
            shift = np.array([RNG.uniform(0, A), RNG.uniform(0, A), RNG.uniform(z0 - lo, z0 + thickness - hi)])
            q = p + shift
            if min_dist(q, pos, A) >= clearance(usym):
                sym += usym; pos += list(q)
                break
        else:
            raise RuntimeError(f'could not place {name}: lower the density')
    return sym, np.array(pos)


def layer(kind, z0):
    """A phase layer starting at z0; returns symbols, positions, top z."""
    if kind == 'li2s':
        sym, pos, t = li2s_slab()
        return sym, pos + [0, 0, z0], z0 + pos[:, 2].max()
    if kind == 's8':
        # 2 crown rings (16 S) lying flat on the neighbouring phase: one molecular layer, about the
        # areal density of an alpha-S8 (001) layer
        units = [('S8', s8())] * 2
        sym, pos = pack(units, z0, 1.5, lambda u: 3.3, flat=True)
    elif kind == 'lpsc':
        # Li24 P4 S20 Cl4 at 1.87 g/cm3 -> 955 A3 / 130.4 A2 = 7.3 A
        units = [('PS4', ps4())] * 4 + [('S', (['S'], np.zeros((1, 3))))] * 4 + [('Cl', (['Cl'], np.zeros((1, 3))))] * 4 \
            + [('Li', (['Li'], np.zeros((1, 3))))] * 24
        sym, pos = pack(units, z0, 7.3, lambda u: 2.1 if u == ['Li'] else 3.0)
    elif kind == 'lps':
        # Li12 P4 S16 (glassy Li3PS4, 1.87 g/cm3) -> 639 A3 / 130.4 A2 = 4.9 A
        units = [('PS4', ps4())] * 4 + [('Li', (['Li'], np.zeros((1, 3))))] * 12
        sym, pos = pack(units, z0, 4.9, lambda u: 2.1 if u == ['Li'] else 3.0)
    return sym, pos, pos[:, 2].max()


def model(name, phases):
    sym, pos, z = [], [], VACUUM / 2
    for k in phases:
        s, p, top = layer(k, z)
        sym += s; pos += list(p); z = top + GAP
    c = z - GAP + VACUUM / 2
    atoms = Atoms(sym, positions=pos, cell=[A, A, c], pbc=True)
    write(f'{name}.xyz', atoms, format='xyz')
    with open(f'{name}.cell.txt', 'w') as f:
        f.write(f'{A:.6f} {A:.6f} {c:.6f}\n')
    print(f'{name:14s} {len(atoms):4d} atoms {atoms.get_chemical_formula()}  cell {A:.3f} x {A:.3f} x {c:.3f} A')


MODELS = {
    's8_lps_lpsc': ['s8', 'lps', 'lpsc'],
    'li2s_lps_lpsc': ['li2s', 'lps', 'lpsc'],
    's8_lpsc': ['s8', 'lpsc'],
    'li2s_lpsc': ['li2s', 'lpsc'],
    'li2s': ['li2s'], 's8': ['s8'], 'lpsc': ['lpsc'], 'lps_lpsc': ['lps', 'lpsc'],
}
if __name__ == '__main__':
    for n, ph in MODELS.items():
        model(n, ph)
