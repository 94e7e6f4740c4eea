"""Continues a seed-study AIMD that stopped early, as a second segment of the same run.

  /usr/bin/python3 continue_md.py NAME TOTAL_STEPS [SCF_GUESS]

reads the last complete frame of aimd_NAME-pos-1.xyz (or .xyz.xz) in this folder, writes it as
NAME_cont_start.xyz and writes aimd_NAME_cont.inp: the input of the first segment with that start
structure, STEP_START_VAL and TIME_START_VAL set to the frame's step and time (so the step numbers
of both segments run on), and STEPS up to TOTAL_STEPS. The first segment stores no velocities, so
the second starts with new Maxwell-Boltzmann velocities at the thermostat temperature (from the
same SEED); the CSVR thermostat (100 fs) keeps the ensemble. merge_md.py joins the two segments.

The first segment carried its wavefunction from step to step; the second starts its SCF afresh.
Where the first segment's initial guess (MOPAC) does not converge on the last frame, SCF_GUESS
ATOMIC can be given instead (it was needed for s8_lps_lpsc, whose S8 ring had opened).
"""
import lzma
import re
import sys


def frames(path):
    opener = lzma.open if path.endswith('.xz') else open
    with opener(path, 'rt') as f:
        lines = f.read().splitlines()
    k = 0
    while k < len(lines):
        n = int(lines[k].split()[0])
        if k + 2 + n > len(lines):
            break  # a cut-off last frame
        yield lines[k + 1], lines[k + 2:k + 2 + n]
        k += 2 + n


def main(name, total_steps, guess=None):
    import os
    traj = f'aimd_{name}-pos-1.xyz'
    if not os.path.exists(traj):
        traj += '.xz'
    comment, atoms = None, None
    for comment, atoms in frames(traj):
        pass
    m = re.search(r'i =\s*(\d+), time =\s*([-0-9.]+)', comment)
    step, time_fs = int(m.group(1)), float(m.group(2))
    if step >= total_steps:
        sys.exit(f'{name}: the first segment already has {step} steps')
    with open(f'{name}_cont_start.xyz', 'w') as f:
        f.write(f'{len(atoms)}\n{name} at step {step}, {time_fs} fs\n' + '\n'.join(atoms) + '\n')
    text = open(f'aimd_{name}.inp').read()
    text = text.replace(f'PROJECT aimd_{name}\n', f'PROJECT aimd_{name}_cont\n')
    text = text.replace(f'COORD_FILE_NAME {name}_start.xyz', f'COORD_FILE_NAME {name}_cont_start.xyz')
    text = re.sub(r'STEPS \d+\n', f'STEPS {total_steps - step}\n    STEP_START_VAL {step}\n'
                  f'    TIME_START_VAL {time_fs}\n', text, count=1)
    if guess:
        text = re.sub(r'SCF_GUESS \S+', f'SCF_GUESS {guess}', text)
    open(f'aimd_{name}_cont.inp', 'w').write(text)
    print(f'{name}: second segment from step {step} ({time_fs} fs) to step {total_steps}')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:4])
