#!/usr/bin/python3
"""Glass-style test trajectory and its independent thiophosphate / sulfur counts.

Writes glass_p2s7_split.extxyz.gz beside this script and prints, for the single-cutoff and the
default dual-cutoff bond rules, the per-frame counts the Java test compares with
(BondAnalysisGlassTest).  Run with Debian's interpreter and python3-numpy:

    /usr/bin/python3 glass_p2s7_split.py

The cell (cubic, 16 A, 2 fs between frames, 400 frames, Li8 P5 S27) holds
  A  a P2S7 unit (P1-Sb-P2) that splits at high temperature: from frame 120 P2 and its three
     terminal S move away from the bridging Sb (P2-Sb 2.08 -> 3.6 A by frame 180), stay apart
     (P1 + Sb = PS4, P2 = PS3) and come back from frame 280 (P2S7 again by frame 330);
  B  an intact P2S7 whose terminal S Sc touches a terminal S of A's P2 at 2.15-2.85 A, an S-S
     contact that comes and goes (a polysulfide bridge between the PS3 and B);
  C  a PS4 with one P-S bond stretching to 2.2-2.58 A (transient PS3 under a single 2.45 A
     cutoff, none under the dual cutoff);
  an S8 ring that opens from frame 200 (S0 swings about S7 away from S1), one free S, eight Li.
Every atom carries AR(1) thermal noise (phi = 0.8, 0.07 A per Cartesian component).

The counts follow the definitions written out in issue 15 and reference.md, implemented here
without looking at the Java classifier:
  bonds    single cutoff: P-S below 2.45 A, S-S and P-P below 2.55 A (frame by frame);
           dual cutoff: a pair is bonded in frame 0 below the half-way cutoff (P-S 2.675,
           S-S and P-P 2.55 A); later it forms below r_on and breaks above r_off (P-S 2.45/2.9,
           S-S and P-P 2.4/2.7 A); a change counts when it lasts 3 frames and then holds from
           its first frame; a change still shorter than 3 frames at the end does not count.
  PS3      a P with exactly three S neighbours and no P-P bond (S-S bonds ignored)
  PS4      a P with four S, no P-P bond, none of its S bonded to another P
  P2S7     two P of CN 4, no P-P bond on either, sharing exactly one S, no S of theirs bonded
           to a third P
  S8 ring / S8 chain   eight S-S bonded S with no S bonded to P, closed / open
  S2 bridge            two S bonded to each other and to no other S, bonded to P atoms of two
                       different P units (a unit: a P2S7 pair or a single P)
  free S               an S bonded to neither P nor S
Minimum-image distances in the cubic cell.  The script checks that no distance lies within
1e-5 A of any cutoff, so the Java and NumPy distances cannot fall on different sides.
"""
import gzip
import io
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "glass_p2s7_split.extxyz.gz")
L = 16.0
DT_FS = 2.0
FRAMES = 400
RNG = np.random.default_rng(20250611)

TET = np.array([[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]], float) / np.sqrt(3)


def rotation_to(a, b):
    """Rotation matrix taking unit vector a onto unit vector b (Rodrigues)."""
    v = np.cross(a, b)
    c = float(np.dot(a, b))
    k = np.array([[0, -v[2], v[1]], [v[2], 0, -v[0]], [-v[1], v[0], 0]])
    return np.eye(3) + k + k @ k / (1 + c)


def ramp(k, k0, k1, a, b):
    if k <= k0:
        return a
    if k >= k1:
        return b
    return a + (b - a) * (k - k0) / (k1 - k0)


def build():
    """Noise-free positions per frame (FRAMES, N, 3) and the element list."""
    el = []
    frames = np.zeros((FRAMES, 40, 3))
    # A: P2S7 splitting; atoms 0 P1, 1 P2, 2 Sb, 3-5 S of P1, 6-8 S of P2
    el += ["P", "P", "S", "S", "S", "S", "S", "S", "S"]
    # B: intact P2S7; 9 PB1, 10 PB2, 11 SbB, 12 Sc (contact S of PB1), 13-14 S of PB1, 15-17 S of PB2
    el += ["P", "P", "S", "S", "S", "S", "S", "S", "S"]
    # C: PS4 with a stretching bond; 18 P, 19 stretching S, 20-22 S
    el += ["P", "S", "S", "S", "S"]
    # S8 ring 23-30, free S 31, Li 32-39
    el += ["S"] * 8 + ["S"] + ["Li"] * 8
    # B in its own frame: PB1 at 0, Sc along TET[0], other terminals TET[1], TET[2], bridge along TET[3]
    b_local = np.zeros((9, 3))
    b_local[2] = 2.08 * TET[3]
    b_local[1] = b_local[2] + 2.08 * np.array([-1, -1, -1]) / np.sqrt(3)
    b_local[3] = 2.03 * TET[0]
    b_local[4] = 2.03 * TET[1]
    b_local[5] = 2.03 * TET[2]
    # PB2's terminals: tetrahedral around PB2 with the bridge direction (PB2 -> SbB) = (1,1,1)/sqrt3
    for i, d in enumerate([[1, -1, -1], [-1, 1, -1], [-1, -1, 1]]):
        b_local[6 + i] = b_local[1] + 2.03 * np.array(d, float) / np.sqrt(3)
    # rotate so that PB1 -> Sc points along -z: Sc sits below PB1
    rot = rotation_to(TET[0], np.array([0.0, 0.0, -1.0]))
    b_local = b_local @ rot.T
    li = RNG.uniform(0, L, size=(8, 3))
    for k in range(FRAMES):
        x = frames[k]
        p1 = np.array([3.0, 3.0, 3.0])
        sb = p1 + 2.08 * TET[0]
        x[0] = p1
        x[2] = sb
        for i, d in enumerate(TET[1:]):
            x[3 + i] = p1 + 2.03 * d
        w = np.array([1, 1, -1]) / np.sqrt(3)
        d_split = ramp(k, 120, 180, 2.08, 3.6) if k < 230 else ramp(k, 280, 330, 3.6, 2.08)
        p2 = sb + d_split * w
        x[1] = p2
        # P2's terminals: the tetrahedral directions other than the one back to Sb ((-1,-1,1))
        for i, d in enumerate(TET[:3]):
            x[6 + i] = p2 + 2.03 * d
        sx = x[6]  # the terminal S of P2 that B touches
        dss = 2.5 + 0.35 * np.sin(2 * np.pi * k / 37.0)
        sc = sx + dss * np.array([0.0, 0.0, 1.0])
        pb1 = sc + 2.03 * np.array([0.0, 0.0, 1.0])
        x[9:18] = pb1 + b_local[[0, 1, 2, 3, 4, 5, 6, 7, 8]]
        # C
        pc = np.array([12.0, 12.0, 4.0])
        x[18] = pc
        stretch = 2.2 + 0.38 * abs(np.sin(2 * np.pi * k / 53.0)) ** 3
        x[19] = pc + stretch * TET[0]
        for i, d in enumerate(TET[1:]):
            x[20 + i] = pc + 2.03 * d
        # S8 crown ring around (3, 12, 6); from frame 200 S0 swings about S7 (S0-S7 kept) away from S1
        r = 2.05 / (2 * np.sin(np.pi / 8))
        for i in range(8):
            a = 2 * np.pi * i / 8
            x[23 + i] = [3 + r * np.cos(a), 12 + r * np.sin(a), 6 + (0.3 if i % 2 == 0 else -0.3)]
        if k >= 200:
            t = -np.radians(ramp(k, 200, 240, 0.0, 60.0))
            v = x[23] - x[30]
            x[23] = x[30] + [np.cos(t) * v[0] - np.sin(t) * v[1], np.sin(t) * v[0] + np.cos(t) * v[1], v[2]]
        x[31] = [12.0, 4.0, 12.0]
        x[32:40] = li
    return el, frames


def noisy(frames):
    phi, sigma = 0.8, 0.07
    n = np.zeros(frames.shape[1:])
    out = np.empty_like(frames)
    for k in range(frames.shape[0]):
        n = phi * n + np.sqrt(1 - phi * phi) * RNG.normal(0.0, sigma, size=n.shape)
        out[k] = frames[k] + n
    return np.mod(out, L)


def write(el, pos):
    # mtime 0: the same script writes the same bytes
    with io.TextIOWrapper(gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0), encoding="ascii") as f:
        for k in range(pos.shape[0]):
            f.write("%d\n" % len(el))
            f.write('Lattice="%.1f 0.0 0.0 0.0 %.1f 0.0 0.0 0.0 %.1f" Properties=species:S:1:pos:R:3 Time=%.1f pbc="T T T"\n'
                    % (L, L, L, k * DT_FS))
            for e, p in zip(el, pos[k]):
                f.write("%-2s %9.5f %9.5f %9.5f\n" % (e, p[0], p[1], p[2]))


def read():
    """The written (rounded) positions: the numbers the Java reader sees."""
    el, frames = None, []
    with gzip.open(OUT, "rt", encoding="ascii") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        n = int(lines[i])
        rows = [ln.split() for ln in lines[i + 2:i + 2 + n]]
        el = [r[0] for r in rows]
        frames.append(np.array([[float(v) for v in r[1:4]] for r in rows]))
        i += 2 + n
    return el, np.array(frames)


def distances(pos, a, b):
    """(frames, len(a), len(b)) minimum-image distances in the cubic cell."""
    d = pos[:, a][:, :, None, :] - pos[:, b][:, None, :, :]
    d -= L * np.round(d / L)
    return np.sqrt((d * d).sum(-1))


CUTS = {"PS": (2.45, 2.9, 3), "SS": (2.4, 2.7, 3), "PP": (2.4, 2.7, 3)}


def bonded(dist, mode, rule):
    """Per frame bonded (frames, ...) of the pairs in dist, single or dual cutoff."""
    r_on, r_off, dwell = CUTS[rule]
    mid = 0.5 * (r_on + r_off)
    if mode == "single":
        c = 2.45 if rule == "PS" else mid
        return dist < c
    nf = dist.shape[0]
    flat = dist.reshape(nf, -1)
    raw = np.zeros_like(flat, dtype=bool)
    raw[0] = flat[0] < mid
    for k in range(1, nf):
        raw[k] = np.where(raw[k - 1], flat[k] <= r_off, flat[k] < r_on)
    out = np.zeros_like(raw)
    for j in range(flat.shape[1]):
        state = raw[0, j]
        out[0, j] = state
        k = 1
        while k < nf:
            if raw[k, j] == state:
                out[k, j] = state
                k += 1
                continue
            run_end = k
            while run_end < nf and raw[run_end, j] != state:
                run_end += 1
            if run_end - k >= dwell:
                state = raw[k, j]
                out[k:run_end, j] = state
            else:
                out[k:run_end, j] = state
            k = run_end
    return out.reshape(dist.shape)


def events(b):
    """Number of state changes of the pairs (break + form)."""
    return int(np.count_nonzero(b[1:] != b[:-1]))


def classify(el, pos, mode):
    P = [i for i, e in enumerate(el) if e == "P"]
    S = [i for i, e in enumerate(el) if e == "S"]
    dps = distances(pos, P, S)
    dss = distances(pos, S, S)
    dpp = distances(pos, P, P)
    for name, d, cuts in (("P-S", dps, (2.45, 2.9, 2.675)), ("S-S", dss, (2.4, 2.7, 2.55)), ("P-P", dpp, (2.4, 2.7, 2.55))):
        for c in cuts:
            margin = np.abs(d - c).min()
            assert margin > 1e-5, (name, c, margin)
    bps = bonded(dps, mode, "PS")
    iu = np.triu_indices(len(S), 1)
    bss_u = bonded(dss[:, iu[0], iu[1]], mode, "SS")
    bss = np.zeros(dss.shape, bool)
    bss[:, iu[0], iu[1]] = bss_u
    bss[:, iu[1], iu[0]] = bss_u
    ip = np.triu_indices(len(P), 1)
    bpp_u = bonded(dpp[:, ip[0], ip[1]], mode, "PP")
    bpp = np.zeros(dpp.shape, bool)
    bpp[:, ip[0], ip[1]] = bpp_u
    bpp[:, ip[1], ip[0]] = bpp_u
    rows = []
    for k in range(pos.shape[0]):
        cn = bps[k].sum(1)                # S neighbours of each P
        pp_any = bpp[k].any(1)            # P with a P-P bond
        p_of_s = bps[k].sum(0)            # P neighbours of each S
        ps3 = int(np.sum((cn == 3) & ~pp_any))
        ps4 = 0
        for i in range(len(P)):
            if cn[i] == 4 and not pp_any[i] and np.all(p_of_s[bps[k][i]] == 1):
                ps4 += 1
        p2s7 = 0
        unit = list(range(len(P)))
        for i in range(len(P)):
            for j in range(i + 1, len(P)):
                if cn[i] != 4 or cn[j] != 4 or pp_any[i] or pp_any[j]:
                    continue
                common = bps[k][i] & bps[k][j]
                if common.sum() != 1:
                    continue
                theirs = bps[k][i] | bps[k][j]
                third = np.delete(bps[k], [i, j], axis=0)[:, theirs]
                if third.any():
                    continue
                p2s7 += 1
                unit[j] = unit[i]
        ss_deg = bss[k].sum(1)
        free_s = int(np.sum((ss_deg == 0) & (p_of_s == 0)))
        ring = [S.index(a) for a in range(23, 31)]
        sub = bss[k][np.ix_(ring, ring)]
        ring_alone = not bps[k][:, ring].any() and bss[k][ring].sum() == sub.sum()
        edges = int(sub.sum() // 2)
        connected = True
        seen = {0}
        todo = [0]
        while todo:
            a = todo.pop()
            for b in np.nonzero(sub[a])[0]:
                if b not in seen:
                    seen.add(int(b))
                    todo.append(int(b))
        connected = len(seen) == 8
        s8_ring = int(ring_alone and connected and edges == 8 and np.all(sub.sum(1) == 2))
        s8_chain = int(ring_alone and connected and edges == 7 and np.all(sub.sum(1) <= 2))
        bridges = 0
        for a in range(len(S)):
            for b in range(a + 1, len(S)):
                if bss[k][a, b] and ss_deg[a] == 1 and ss_deg[b] == 1:
                    ua = {unit[i] for i in np.nonzero(bps[k][:, a])[0]}
                    ub = {unit[i] for i in np.nonzero(bps[k][:, b])[0]}
                    if ua and ub and len(ua | ub) >= 2:
                        bridges += 1
        rows.append((ps4, ps3, p2s7, s8_ring, s8_chain, bridges, free_s))
    ev = {"P-S": events(bps), "S-S": events(bss_u), "P-P": events(bpp_u)}
    return np.array(rows), ev


def summary(name, rows, ev):
    cols = ["PS4", "PS3", "P2S7", "S8 ring", "S8 chain", "S2 bridge", "S (isolated)"]
    print("== %s" % name)
    print("frames with a PS3: %d" % int(np.count_nonzero(rows[:, 1] > 0)))
    print("frames with a PS3 and an S2 bridge: %d" % int(np.count_nonzero((rows[:, 1] > 0) & (rows[:, 5] > 0))))
    for c, col in enumerate(cols):
        print("  %-9s sum over frames %5d, frames present %4d, first frame %s" % (
            col, int(rows[:, c].sum()), int(np.count_nonzero(rows[:, c] > 0)),
            int(np.argmax(rows[:, c] > 0)) if rows[:, c].any() else "-"))
    print("  events per pair:", ev)
    print("  first frame:", dict(zip(cols, rows[0].tolist())))
    print("  last frame: ", dict(zip(cols, rows[-1].tolist())))
    print("  per-frame PS3:", "".join(str(v) for v in rows[:, 1]))


if __name__ == "__main__":
    el, ideal = build()
    write(el, noisy(ideal))
    el, pos = read()
    print("numpy", np.__version__, "frames", pos.shape[0], "atoms", pos.shape[1])
    for mode in ("single", "dual"):
        rows, ev = classify(el, pos, mode)
        summary(mode, rows, ev)
