package org.interphase.analysis.energetics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.interphase.core.Accumulator;
import org.interphase.core.Analysis;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.EnergyRun;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;

/**
 * The energies of one calculation as the interface energy needs them ({@link EnergyRun}): one value
 * per frame in eV with its time in fs, the atoms per element and the first cell, and whether the
 * frames are MD steps to be averaged ({@link TrajectoryHeader#dynamics()}).
 *
 * <p>Which energy: for frames written by VASP (the header's program starts with {@code VASP}) the
 * energy(sigma→0) or the free energy TOTEN, as chosen; for every other program the potential energy
 * ({@link Energies#potentialEv()}), named by the reader's {@link Energies#LABEL_NOTE} note when it
 * has one, else "CP2K potential energy".
 *
 * <p>Temperature of frame {@code i}: the instantaneous temperature the program wrote with its energy
 * ({@link Energies#temperatureK()}, K), NaN where none.
 *
 * <p>Time of frame {@code i} (0-based): the frame's own time, else {@code i × } the header's time
 * step, else {@code NaN} (single points, relaxations).
 *
 * <p>Structure: the vacuum gaps ({@link org.interphase.core.VacuumGap}) of the first frame whose positions cover every
 * atom, which tells a slab with vacuum from a periodic sandwich.
 *
 * <p>Memory: three doubles per frame. Not splittable: the values are kept in frame order.
 */
public final class EnergySeries implements Analysis<EnergyRun> {

  /** Which VASP energy to use. */
  public enum VaspEnergy {
    /** energy(sigma→0), the usual choice for total energies */
    SIGMA0,
    /** free energy TOTEN, what MD propagates on */
    FREE
  }

  private final VaspEnergy vasp;

  /**
   * @param vasp which energy of VASP frames to take; ignored for other programs
   * @throws NullPointerException when {@code vasp} is null
   */
  public EnergySeries(VaspEnergy vasp) {
    this.vasp = java.util.Objects.requireNonNull(vasp, "vasp");
  }

  /**
   * Parses {@code sigma0} (also {@code e0}) or {@code free} (also {@code toten}, {@code f}), any case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static VaspEnergy vaspEnergy(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "sigma0", "e0" -> VaspEnergy.SIGMA0;
      case "free", "toten", "f" -> VaspEnergy.FREE;
      default -> throw new IllegalArgumentException("--vasp-energy is sigma0 or free, got " + text);
    };
  }

  /** The label of a VASP energy, as results print it. */
  static String label(VaspEnergy v) {
    return v == VaspEnergy.FREE ? "VASP free energy TOTEN" : "VASP energy(sigma->0)";
  }

  @Override
  public Accumulator<EnergyRun> start(TrajectoryHeader header) {
    boolean vaspFrames = header.program() != null && header.program().startsWith("VASP");
    String label = vaspFrames ? label(vasp) : header.notes().stream().filter(n -> n.startsWith(Energies.LABEL_NOTE))
        .map(n -> n.substring(Energies.LABEL_NOTE.length())).findFirst().orElse("CP2K potential energy");
    return new Accumulator<>() {
      private double[] times = new double[64];
      private double[] energies = new double[64];
      private double[] temperatures = new double[64];
      private boolean anyTemperature;
      private int n;
      private Cell cell;
      private org.interphase.core.VacuumGap vacuum;

      /**
       * @throws MalformedInputException when the frame has no value of the energy ({@code "frame N has no …"})
       */
      @Override
      public void accept(Frame fr) {
        Energies e = fr.energies();
        double v = vaspFrames ? (vasp == VaspEnergy.FREE ? e.freeEnergyEv() : e.energySigma0Ev()) : e.potentialEv();
        if (Double.isNaN(v)) {
          throw MalformedInputException.of(header.source(), 0, "frame " + (n + 1) + " has no " + label);
        }
        if (cell == null) {
          cell = fr.cell();
        }
        if (vacuum == null && fr.cell() != null && fr.atomCount() > 0 && fr.atomCount() == header.atoms().size()) {
          vacuum = org.interphase.core.VacuumGap.of(fr);
        }
        if (n == energies.length) {
          energies = Arrays.copyOf(energies, 2 * n);
          times = Arrays.copyOf(times, 2 * n);
          temperatures = Arrays.copyOf(temperatures, 2 * n);
        }
        energies[n] = v;
        temperatures[n] = e.temperatureK();
        anyTemperature |= !Double.isNaN(e.temperatureK());
        times[n] = Double.isNaN(fr.timeFs()) ? n * header.timestepFs() : fr.timeFs();
        n++;
      }

      /**
       * @throws MalformedInputException when no frame was read ({@code "no energies"})
       */
      @Override
      public EnergyRun finish() {
        if (n == 0) {
          throw MalformedInputException.of(header.source(), 0, "no energies");
        }
        return new EnergyRun(header.source(), header.atoms().speciesCounts(), cell, Arrays.copyOf(times, n), Arrays.copyOf(energies, n),
            label, header.dynamics(), List.of(), vacuum, anyTemperature ? Arrays.copyOf(temperatures, n) : null);
      }
    };
  }
}
