"""Sets up the CI-NEB of one Li hop across the Li2S interface of a seed-study model.

Run with Debian's interpreter (python3-ase); run_neb.sh calls the three steps in order:
  /usr/bin/python3 make_neb.py endpoints NAME   picks the hop, writes the two end-point optimisations
  /usr/bin/python3 make_neb.py band NAME [STEPS]  the BAND input from the optimised end points
                                                (at most STEPS band steps, default 40)
  /usr/bin/python3 make_neb.py singlepoints NAME [PROJECT]  single points of the final replicas (forces)
  /usr/bin/python3 make_neb.py resume NAME [STEPS]  a second band run, band_NAME_cont, from the final
                                                replicas of the first (then: singlepoints NAME band_NAME_cont)

The hop: a Li of the top Li layer of the Li2S slab (the first 48 atoms of a li2s_* model) moves to
an empty site on the other side of the interface plane (midway between the top of Li2S and the
bottom of the next phase). Candidate sites lie on a 0.2 A grid; a site is an empty Li site when no
cation (Li, P) is within 2.7 A, no anion (S, Cl) is nearer than 2.3 A and at least three anions are
within 2.9 A. Of all (Li, site) pairs the shortest hop of at least 2.5 A is taken. The band step
checks that a Li crosses the interface plane between the optimised end points. Atoms farther
than 5.5 A from the middle of the hop are fixed in the end-point optimisations and in the band, so
the rest of the glass cannot relax differently in the two end points.
"""
import json
import re
import sys

import numpy as np
from ase.io import read, write

N_LI2S = 48
FREE_RADIUS = 5.5
REPLICAS = 5


def cell_of(name):
    return np.array([float(v) for v in open(f'{name}.cell.txt').read().split()])


def mic(d, cell):
    return d - cell * np.round(d / cell)


def force_eval(name, coord):
    """The FORCE_EVAL block of the model's pre-optimisation input with another coordinate file."""
    text = open(f'preopt_{name}.inp').read()
    block = text[text.index('&FORCE_EVAL'):text.index('&END FORCE_EVAL') + len('&END FORCE_EVAL')]
    return re.sub(r'COORD_FILE_NAME \S+', f'COORD_FILE_NAME {coord}', block)


def header(project, run_type):
    return f'&GLOBAL\n  PROJECT {project}\n  RUN_TYPE {run_type}\n  PRINT_LEVEL LOW\n&END GLOBAL'


def fixed_block(fixed):
    lines = []
    for k in range(0, len(fixed), 20):
        lines.append('        LIST ' + ' '.join(str(i + 1) for i in fixed[k:k + 20]))
    return '  &CONSTRAINT\n    &FIXED_ATOMS\n' + '\n'.join(lines) + '\n    &END FIXED_ATOMS\n  &END CONSTRAINT\n'


def choose_hop(atoms, cell):
    pos = atoms.get_positions()
    sym = np.array(atoms.get_chemical_symbols())
    cation = np.isin(sym, ['Li', 'P'])
    anion = np.isin(sym, ['S', 'Cl'])
    z_top = pos[:N_LI2S, 2].max()
    z_next = pos[N_LI2S:, 2].min()
    z_plane = 0.5 * (z_top + z_next)
    li_top = [i for i in range(N_LI2S) if sym[i] == 'Li' and pos[i, 2] > z_top - 1.0]
    g = np.arange(-4.5, 4.51, 0.2)
    offsets = np.array([(x, y, z) for x in g for y in g for z in g])
    offsets = offsets[np.linalg.norm(offsets, axis=1) <= 4.5]
    best = None
    for i in li_top:
        sites = pos[i] + offsets
        sites = sites[sites[:, 2] > z_plane + 0.5]
        others = np.delete(np.arange(len(atoms)), i)
        d = np.linalg.norm(mic(sites[:, None, :] - pos[None, others, :], cell), axis=2)
        dc = d[:, cation[others]].min(axis=1)
        da = d[:, anion[others]]
        ok = (dc >= 2.7) & (da.min(axis=1) >= 2.3) & ((da <= 2.9).sum(axis=1) >= 3)
        hop = np.linalg.norm(sites - pos[i], axis=1)
        ok &= hop >= 2.5
        if ok.any():
            k = np.argmin(np.where(ok, hop, np.inf))
            if best is None or hop[k] < best[2]:
                best = (i, sites[k], hop[k], z_plane)
    if best is None:
        sys.exit('no empty site within 4.5 A of the top Li layer of Li2S')
    return best


def endpoints(name):
    cell = cell_of(name)
    atoms = read(f'{name}_start.xyz')
    atoms.set_cell(cell)
    atoms.set_pbc(True)
    i, site, hop, z_plane = choose_hop(atoms, cell)
    pos = atoms.get_positions()
    mid = 0.5 * (pos[i] + site)
    dist = np.linalg.norm(mic(pos - mid, cell), axis=1)
    fixed = [int(k) for k in np.nonzero(dist > FREE_RADIUS)[0]]
    final = atoms.copy()
    p = final.get_positions()
    p[i] = site
    final.set_positions(p)
    write(f'neb_{name}_a0.xyz', atoms, format='xyz')
    write(f'neb_{name}_b0.xyz', final, format='xyz')
    json.dump({'model': name, 'li_atom_1based': i + 1, 'from_A': pos[i].tolist(), 'to_A': site.tolist(),
               'hop_length_A': float(hop), 'interface_plane_z_A': float(z_plane),
               'free_radius_A': FREE_RADIUS, 'fixed_atoms_1based': [k + 1 for k in fixed]},
              open(f'neb_{name}_hop.json', 'w'), indent=1)
    for end in 'ab':
        with open(f'nebopt_{name}_{end}.inp', 'w') as f:
            f.write(f"""{header(f'nebopt_{name}_{end}', 'GEO_OPT')}
{force_eval(name, f'neb_{name}_{end}0.xyz')}
&MOTION
  &GEO_OPT
    OPTIMIZER BFGS
    MAX_ITER 150
    MAX_FORCE 0.0010
  &END GEO_OPT
{fixed_block(fixed)}&END MOTION
""")
    print(f'{name}: Li {i + 1} hops {hop:.2f} A from z = {pos[i, 2]:.2f} to z = {site[2]:.2f} A '
          f'(interface plane z = {z_plane:.2f} A); {len(atoms) - len(fixed)} atoms free')


def fixed_atoms(hop):
    """The 0-based indices of the atoms the hop description fixes."""
    return [k - 1 for k in hop['fixed_atoms_1based']]


def band(name, max_steps=40):
    hop = json.load(open(f'neb_{name}_hop.json'))
    fixed = fixed_atoms(hop)
    ends = {}
    for end, label in (('a', 'initial'), ('b', 'final')):
        ends[end] = read(f'nebopt_{name}_{end}-pos-1.xyz', index=-1)
        write(f'neb_{name}_{label}.xyz', ends[end], format='xyz')
    # the Li put across may relax back and push another Li over (knock-off): any Li crossing will do
    plane = hop['interface_plane_z_A']
    z_a, z_b = ends['a'].positions[:, 2], ends['b'].positions[:, 2]
    li = np.array(ends['a'].get_chemical_symbols()) == 'Li'
    crossing = [int(k) + 1 for k in np.nonzero(li & (z_a < plane) & (z_b > plane))[0]]
    if not crossing:
        sys.exit(f'{name}: no Li crosses the interface plane (z = {plane:.2f} A) between the optimised end points')
    moved = np.linalg.norm(ends['b'].positions - ends['a'].positions, axis=1)
    hop['crossing_li_1based'] = crossing
    hop['end_point_displacements_A'] = {str(k + 1): round(float(moved[k]), 3) for k in np.argsort(-moved)[:5]}
    json.dump(hop, open(f'neb_{name}_hop.json', 'w'), indent=1)
    print(f'{name}: Li {crossing} cross the interface plane; largest end-point displacements (A): '
          f'{hop["end_point_displacements_A"]}')
    write_band(name, f'band_{name}', [f'neb_{name}_initial.xyz', f'neb_{name}_final.xyz'], fixed, max_steps)


def write_band(name, project, starts, fixed, max_steps):
    replicas = ''.join(f'    &REPLICA\n      COORD_FILE_NAME {s}\n    &END REPLICA\n' for s in starts)
    with open(f'{project}.inp', 'w') as f:
        f.write(f"""{header(project, 'BAND')}
{force_eval(name, starts[0])}
&MOTION
  &BAND
    BAND_TYPE CI-NEB
    NUMBER_OF_REPLICA {REPLICAS}
    K_SPRING 0.05
    NPROC_REP 1
    ROTATE_FRAMES F
    ALIGN_FRAMES F
    &CI_NEB
      NSTEPS_IT 5
    &END CI_NEB
    &OPTIMIZE_BAND
      OPT_TYPE DIIS
      &DIIS
        MAX_STEPS {max_steps}
        MAX_STEPSIZE 0.3
        N_DIIS 5
      &END DIIS
    &END OPTIMIZE_BAND
    &CONVERGENCE_CONTROL
      MAX_FORCE 0.0015
      RMS_FORCE 0.0008
      MAX_DR 0.0030
      RMS_DR 0.0015
    &END CONVERGENCE_CONTROL
    &ENERGY
    &END ENERGY
{replicas}  &END BAND
{fixed_block(fixed)}  &PRINT
    &TRAJECTORY
      FORMAT XYZ
    &END TRAJECTORY
    &RESTART OFF
    &END RESTART
    &RESTART_HISTORY OFF
    &END RESTART_HISTORY
  &END PRINT
&END MOTION
""")


def resume(name, max_steps=40):
    """A second band run of at most max_steps steps from the final replicas of the first (band_NAME_cont)."""
    fixed = fixed_atoms(json.load(open(f'neb_{name}_hop.json')))
    starts = [f'band_{name}_replica_{r}_final.xyz' for r in range(1, REPLICAS + 1)]
    write_band(name, f'band_{name}_cont', starts, fixed, max_steps)


def singlepoints(name, project=None):
    band_project = project or f'band_{name}'
    tag = name + band_project[len(f'band_{name}'):]
    for r in range(1, REPLICAS + 1):
        final = f'{band_project}_replica_{r}_final.xyz'
        write(final, read(f'{band_project}-pos-Replica_nr_{r}-1.xyz', index=-1), format='xyz')
        with open(f'sp_{tag}_{r}.inp', 'w') as f:
            f.write(f"""{header(f'sp_{tag}_{r}', 'ENERGY_FORCE')}
{force_eval(name, final)[:-len('&END FORCE_EVAL')]}  &PRINT
    &FORCES ON
    &END FORCES
  &END PRINT
&END FORCE_EVAL
""")


if __name__ == '__main__':
    if sys.argv[1] == 'singlepoints':
        singlepoints(*sys.argv[2:4])
    else:
        step = {'endpoints': endpoints, 'band': band, 'resume': resume}[sys.argv[1]]
        step(sys.argv[2], *(int(v) for v in sys.argv[3:]))
