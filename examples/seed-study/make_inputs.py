"""Writes the CP2K inputs of the seed study: preopt_<name>.inp (60 BFGS steps from the built
structure) and aimd_<name>.inp (NVT MD from the pre-optimised structure). GFN1-xTB as in the other
examples; Ewald grid ~2.9 points per A. Run: /usr/bin/python3 make_inputs.py STEPS TEMPERATURE_K
"""
import sys

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
TEMP = float(sys.argv[2]) if len(sys.argv) > 2 else 600.0
NAMES = ['s8_lps_lpsc', 'li2s_lps_lpsc', 's8_lpsc', 'li2s_lpsc', 'li2s', 's8', 'lpsc', 'lps_lpsc']

DFT = """  METHOD QS
  &DFT
    CHARGE 0
    &POISSON
      PERIODIC XYZ
      &EWALD
        EWALD_TYPE SPME
        ALPHA 0.35
        GMAX {g}
        O_SPLINE 5
      &END EWALD
    &END POISSON
    &QS
      METHOD xTB
      EPS_DEFAULT 1.0E-8
      EXTRAPOLATION ASPC
      EXTRAPOLATION_ORDER 3
      &xTB
        DO_EWALD T
        CHECK_ATOMIC_CHARGES F
      &END xTB
    &END QS
    &SCF
      SCF_GUESS MOPAC
      EPS_SCF 1.0E-05
      MAX_SCF 40
      &OT
        MINIMIZER DIIS
        PRECONDITIONER FULL_SINGLE_INVERSE
      &END OT
      &OUTER_SCF
        EPS_SCF 1.0E-05
        MAX_SCF 10
      &END OUTER_SCF
      &PRINT
        &RESTART OFF
        &END RESTART
      &END PRINT
    &END SCF
  &END DFT
  &SUBSYS
    &CELL
      A {a:.6f} 0.000000 0.000000
      B 0.000000 {b:.6f} 0.000000
      C 0.000000 0.000000 {c:.6f}
      PERIODIC XYZ
    &END CELL
    &TOPOLOGY
      COORD_FILE_NAME {coord}
      COORD_FILE_FORMAT XYZ
    &END TOPOLOGY
  &END SUBSYS"""


def odd(x):
    n = int(round(x))
    return n if n % 2 == 1 else n + 1


for name in NAMES:
    a, b, c = (float(v) for v in open(f'{name}.cell.txt').read().split())
    g = f'{odd(2.9 * a)} {odd(2.9 * b)} {odd(2.9 * c)}'
    with open(f'preopt_{name}.inp', 'w') as f:
        f.write(f"""&GLOBAL
  PROJECT preopt_{name}
  RUN_TYPE GEO_OPT
  PRINT_LEVEL LOW
&END GLOBAL
&FORCE_EVAL
{DFT.format(g=g, a=a, b=b, c=c, coord=name + '.xyz')}
&END FORCE_EVAL
&MOTION
  &GEO_OPT
    OPTIMIZER BFGS
    MAX_ITER 60
  &END GEO_OPT
&END MOTION
""")
    with open(f'aimd_{name}.inp', 'w') as f:
        f.write(f"""&GLOBAL
  PROJECT aimd_{name}
  RUN_TYPE MD
  PRINT_LEVEL LOW
  SEED 20261125
&END GLOBAL
&FORCE_EVAL
{DFT.format(g=g, a=a, b=b, c=c, coord=name + '_start.xyz')}
&END FORCE_EVAL
&MOTION
  &MD
    ENSEMBLE NVT
    STEPS {STEPS}
    TIMESTEP 1.5
    TEMPERATURE {TEMP}
    &THERMOSTAT
      TYPE CSVR
      REGION GLOBAL
      &CSVR
        TIMECON 100.0
      &END CSVR
    &END THERMOSTAT
  &END MD
  &PRINT
    &TRAJECTORY
      FORMAT XYZ
      &EACH
        MD 2
      &END EACH
    &END TRAJECTORY
    &CELL
      &EACH
        MD 2
      &END EACH
    &END CELL
    &RESTART OFF
    &END RESTART
    &RESTART_HISTORY OFF
    &END RESTART_HISTORY
  &END PRINT
&END MOTION
""")
print('inputs written for', len(NAMES), 'systems:', STEPS, 'steps at', TEMP, 'K')
