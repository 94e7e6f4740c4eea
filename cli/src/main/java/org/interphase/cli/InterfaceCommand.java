package org.interphase.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.analysis.energetics.EnergySeries;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase interface --interface RUN --part-a RUN --part-b RUN --interfaces K}: γ and W. */
@Command(name = "interface", mixinStandardHelpOptions = true,
    description = {"Interface energy γ = [E_AB − n_A·ε_A − n_B·ε_B] / (k·A) and work of adhesion W = [E_A + E_B − E_AB] / (k·A), "
        + "k the number of A|B interfaces in the cell.",
        "Each RUN is a file or folder of a calculation: a CP2K log or MD run, a VASP OUTCAR, vasprun.xml or OSZICAR. "
            + "MD runs are averaged after --equilibration-ps with a blocked error; single points are taken as they are.",
        "Repeat the group (--interface … --part-a … --part-b … --interfaces K) to compare several interfaces."})
final class InterfaceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  /** One interface. */
  static final class Case {
    @Option(names = "--interface", required = true, paramLabel = "RUN", description = "The interface cell A|B.")
    Path interfaceRun;

    @Option(names = "--part-a", required = true, paramLabel = "RUN", description = "Reference A (bulk cell, formula unit or slab).")
    Path partA;

    @Option(names = "--part-b", required = true, paramLabel = "RUN", description = "Reference B.")
    Path partB;

    @Option(names = "--interfaces", required = true, paramLabel = "K", description = "A|B interfaces in the cell: 2 for a periodic sandwich, "
        + "1 for a slab with vacuum.")
    int interfaces;

    @Option(names = "--name", paramLabel = "TEXT", description = "Label in tables and charts (default: the interface file name).")
    String name;

    @Option(names = "--n-a", paramLabel = "N", description = "Units of A in the interface cell (default: from the atom counts).")
    Double nA;

    @Option(names = "--n-b", paramLabel = "N", description = "Units of B in the interface cell.")
    Double nB;
  }

  @ArgGroup(exclusive = false, multiplicity = "1..*")
  List<Case> cases;

  @Option(names = "--equilibration-ps", paramLabel = "PS", defaultValue = "0", description = "Drop MD frames before this time (default "
      + "${DEFAULT-VALUE} ps).")
  double equilibrationPs;

  @Option(names = "--vasp-energy", paramLabel = "sigma0|free", defaultValue = "sigma0", description = "VASP energy to use: energy(sigma->0) "
      + "or the free energy TOTEN (default ${DEFAULT-VALUE}).")
  String vaspEnergy;

  @Option(names = "--normal", paramLabel = "a|b|c", defaultValue = "c", description = "Lattice vector along the interface normal (default "
      + "${DEFAULT-VALUE}).")
  String normal;

  @Option(names = "--out", paramLabel = "DIR", description = "Write interface.csv, interface.json and interface.png/.svg here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    EnergySeries.VaspEnergy ve = EnergySeries.vaspEnergy(vaspEnergy);
    int axis = "abc".indexOf(normal.toLowerCase(Locale.ROOT));
    if (normal.length() != 1 || axis < 0) {
      throw new IllegalArgumentException("--normal is a, b or c, got " + normal);
    }
    List<RunAnalyses.InterfaceCase> list = new ArrayList<>();
    for (Case c : cases) {
      list.add(new RunAnalyses.InterfaceCase(c.interfaceRun, c.partA, c.partB, c.interfaces, c.nA == null ? Double.NaN : c.nA,
          c.nB == null ? Double.NaN : c.nB, c.name));
    }
    ResultWriter.emit(spec, RunAnalyses.interfaces(list, input.toReadOptions(), ve, equilibrationPs, axis), out, json);
    return 0;
  }
}
