#!/usr/bin/env bash
# Streaming a very large vasprun.xml with a small heap: builds a ~2.9 GB file by repeating the ionic steps
# of a real MD vasprun.xml from ../shared (never copied into the project), then times `interphase info`
# and `msd` on it with JAVA_TOOL_OPTIONS=-Xmx256m (wall time, peak RSS, exit status).
# Usage: bench/run-vasprun-bench.sh [GB] [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
gb="${1:-2.9}"
work="${2:-${TMPDIR:-/tmp}/interphase-vasprun-bench}"
src="$root/../shared/data/real/dpdata/poscars/vasprun.h2o.md.10.xml"
mkdir -p "$work"
cd "$root"
big="$work/vasprun.xml"
if [[ ! -s "$big" ]]; then
  python3 - "$src" "$big" "$gb" <<'PY'
import sys
src, out, gb = sys.argv[1], sys.argv[2], float(sys.argv[3])
text = open(src, encoding="latin-1").read()
head, rest = text.split(" <calculation>", 1)
block = " <calculation>" + rest.split(" </calculation>", 1)[0] + " </calculation>\n"
tail = rest.rsplit(" </calculation>", 1)[1]
with open(out, "w", encoding="latin-1") as f:
    f.write(head)
    n = int(gb * 1e9 / len(block))
    for _ in range(n):
        f.write(block)
    f.write(tail)
print(f"{out}: {n} ionic steps")
PY
fi
ls -l "$big"
bin/interphase --version >/dev/null
export JAVA_TOOL_OPTIONS=-Xmx256m
/usr/bin/time -f "info: %e s wall, %M kB peak RSS, exit %x" bin/interphase info "$big" >/dev/null 2>"$work/info.err" || true
grep -E "^info:" "$work/info.err" || tail -3 "$work/info.err"
/usr/bin/time -f "msd --species H: %e s wall, %M kB peak RSS, exit %x" bin/interphase msd "$big" --species H >/dev/null 2>"$work/msd.err" || true
grep -E "^msd" "$work/msd.err" || tail -3 "$work/msd.err"
