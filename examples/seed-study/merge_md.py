"""Joins the second segment of an AIMD (continue_md.py) to the first, in RUN_DIR:

  /usr/bin/python3 merge_md.py RUN_DIR NAME

appends the frames of aimd_NAME_cont-pos-1.xyz, the rows of aimd_NAME_cont-1.ener and of
aimd_NAME_cont-1.cell to aimd_NAME-pos-1.xyz, -1.ener and -1.cell, after checking that the step
numbers run on without a gap or an overlap. A cut-off last frame of the second segment (a run that
was stopped) is left out, and the .ener and .cell rows are cut at the same step, so all three end
together. The first segment's files are rewritten in place; the second segment's are kept.

The second segment starts its SCF from scratch, and a system with several SCF solutions (open S8
rings, radicals) can land in another electronic state than the one the first segment carried along.
The join is refused when the potential energy jumps between the two segments by more than three
times the largest step-to-step change over the last 100 steps of the first segment.
"""
import os
import re
import sys


def read_frames(path):
    with open(path) as f:
        lines = f.read().splitlines()
    out, k = [], 0
    while k < len(lines):
        n = int(lines[k].split()[0])
        if k + 2 + n > len(lines):
            print(f'{path}: cut-off last frame at line {k + 1} left out')
            break
        step = int(re.search(r'i =\s*(\d+)', lines[k + 1]).group(1))
        out.append((step, lines[k:k + 2 + n]))
        k += 2 + n
    return out


def rows(path):
    with open(path) as f:
        lines = f.read().splitlines()
    data = [line for line in lines[1:] if line.strip()]
    width = len(data[0].split())
    # a run that was stopped may end in a cut-off row: rows of another width are left out
    return lines[0], [(int(line.split()[0]), line) for line in data if len(line.split()) == width]


def main(run, name):
    first, second = os.path.join(run, f'aimd_{name}'), os.path.join(run, f'aimd_{name}_cont')
    a, b = read_frames(first + '-pos-1.xyz'), read_frames(second + '-pos-1.xyz')
    if a[-1][0] == b[-1][0]:
        print(f'{name}: the two segments are joined already (steps {a[0][0]}..{a[-1][0]})')
        return
    stride = a[-1][0] - a[-2][0]
    if b[0][0] != a[-1][0] + stride:
        sys.exit(f'{name}: the second segment starts at step {b[0][0]}, expected {a[-1][0] + stride}')
    last = b[-1][0]
    _, ea = rows(first + '-1.ener')
    _, eb = rows(second + '-1.ener')
    pot_a = [float(line.split()[4]) for _, line in ea[-101:]]
    usual = max(abs(y - x) for x, y in zip(pot_a, pot_a[1:]))
    jump = abs(float(eb[0][1].split()[4]) - pot_a[-1])
    if jump > 3 * usual:
        sys.exit(f'{name}: the potential energy jumps by {jump * 27.211386:.3f} eV between the segments (steps change it by at '
                 f'most {usual * 27.211386:.3f} eV): the second segment is in another SCF state; not joined')
    with open(first + '-pos-1.xyz', 'a') as f:
        for _, lines in b:
            f.write('\n'.join(lines) + '\n')
    for suffix in ('-1.ener', '-1.cell'):
        _, ra = rows(first + suffix)
        _, rb = rows(second + suffix)
        if rb[0][0] <= ra[-1][0]:
            sys.exit(f'{name}{suffix}: the second segment starts at step {rb[0][0]}, not after {ra[-1][0]}')
        with open(first + suffix, 'a') as f:
            for step, line in rb:
                if step <= last:
                    f.write(line + '\n')
    print(f'{name}: {len(a)} + {len(b)} frames, steps {a[0][0]}..{last}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
