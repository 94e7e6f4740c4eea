package org.interphase.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interphase.analysis.energetics.EnergySeries;
import org.interphase.analysis.energetics.InterfaceEnergy;
import org.interphase.analysis.energetics.InterfaceParameters;
import org.interphase.analysis.energetics.InterfaceResult;
import org.interphase.core.EnergyRun;
import org.interphase.core.Warning;
import org.interphase.viz.chart.Charts;
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
    List<InterfaceResult> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Case c : cases) {
      EnergyRun ab = Inputs.energyRun(c.interfaceRun, input.toReadOptions(), ve);
      EnergyRun a = Inputs.energyRun(c.partA, input.toReadOptions(), ve);
      EnergyRun b = Inputs.energyRun(c.partB, input.toReadOptions(), ve);
      InterfaceParameters p = new InterfaceParameters(c.interfaces, c.nA == null ? Double.NaN : c.nA, c.nB == null ? Double.NaN : c.nB,
          equilibrationPs, axis, 1e-3);
      String name = c.name != null ? c.name : c.interfaceRun.getFileName().toString();
      InterfaceResult r = InterfaceEnergy.compute(name, ab, a, b, p);
      results.add(r);
      for (EnergyRun run : List.of(ab, a, b)) {
        run.notes(Warning.Input.INCOMPLETE).forEach(n -> warnings.add(name + ": " + n.text()));
      }
      r.warnings().forEach(w -> warnings.add(name + ": " + w));
    }
    PrintWriter err = spec.commandLine().getErr();
    warnings.forEach(w -> err.println("warning: " + w));
    err.flush();
    ObjectNode doc = results.size() == 1 ? toJson(results.get(0)) : Json.object();
    if (results.size() > 1) {
      ArrayNode arr = doc.putArray("results");
      results.forEach(r -> arr.add(toJson(r)));
    }
    ArrayNode w = doc.putArray("warnings");
    warnings.forEach(w::add);
    if (out != null) {
      Path dir = Csv.dir(out);
      Csv.writeText(dir.resolve("interface.csv"), csv(results));
      Csv.writeText(dir.resolve("interface.json"), Json.write(doc));
      Charts.writeBars("Interface energies", "γ (J/m²)", results.stream().map(InterfaceResult::name).toList(),
          results.stream().mapToDouble(r -> r.gammaJm2().value()).toArray(),
          results.stream().mapToDouble(r -> r.gammaJm2().stdErr()).toArray(), dir.resolve("interface"), 900, 600);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(Json.write(doc));
    } else {
      for (InterfaceResult r : results) {
        o.printf(Locale.ROOT, "%s%n  %s: γ = %s = %s%n", r.name(), r.label(), r.gamma(), r.gammaJm2());
        if (r.workOfAdhesion() != null) {
          o.printf(Locale.ROOT, "  work of adhesion W = %s%n", r.workOfAdhesion());
        }
        o.printf(Locale.ROOT, "  area %.4f Å², k = %d, n_A = %s, n_B = %s, frames %d / %d / %d%n  %s%n", r.areaA2(), r.interfaces(),
            r.nA(), r.nB(), r.framesUsed()[0], r.framesUsed()[1], r.framesUsed()[2], r.method());
      }
    }
    o.flush();
    return 0;
  }

  /** One row per interface, full precision: γ in eV/Å² and J/m², W in J/m², with their errors. */
  static String csv(List<InterfaceResult> results) {
    StringBuilder csv = new StringBuilder("name,area_a2,interfaces,n_a,n_b,interface_energy_ev_a2,interface_energy_stderr_ev_a2,"
        + "interface_energy_j_m2,interface_energy_stderr_j_m2,work_of_adhesion_j_m2,work_of_adhesion_stderr_j_m2,frames_used\n");
    for (InterfaceResult r : results) {
      csv.append(String.format(Locale.ROOT, "%s,%.6f,%d,%s,%s,%s,%s,%s,%s,%s,%s,%d%n", Csv.quote(r.name()), r.areaA2(),
          r.interfaces(), r.nA(), r.nB(), n(r.gamma().value()), n(r.gamma().stdErr()), n(r.gammaJm2().value()), n(r.gammaJm2().stdErr()),
          r.workOfAdhesion() == null ? "" : n(r.workOfAdhesion().value()), r.workOfAdhesion() == null ? "" : n(r.workOfAdhesion().stdErr()),
          r.framesUsed()[0]));
    }
    return csv.toString();
  }

  private static String n(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  static ObjectNode toJson(InterfaceResult r) {
    ObjectNode o = Json.object();
    o.put("name", r.name());
    o.put("label", r.label());
    Json.put(o, "area_a2", r.areaA2());
    o.put("interfaces", r.interfaces());
    Json.put(o, "n_a", r.nA());
    Json.put(o, "n_b", r.nB());
    Json.put(o, "energy_interface_ev", r.energyInterface().value());
    Json.put(o, "energy_interface_stderr_ev", r.energyInterface().stdErr());
    Json.put(o, "energy_a_ev", r.energyA().value());
    Json.put(o, "energy_b_ev", r.energyB().value());
    Json.put(o, "interface_energy_ev_a2", r.gamma().value());
    Json.put(o, "interface_energy_stderr_ev_a2", r.gamma().stdErr());
    Json.put(o, "interface_energy_j_m2", r.gammaJm2().value());
    Json.put(o, "interface_energy_stderr_j_m2", r.gammaJm2().stdErr());
    if (r.workOfAdhesion() == null) {
      o.putNull("work_of_adhesion_j_m2");
      o.putNull("work_of_adhesion_stderr_j_m2");
    } else {
      Json.put(o, "work_of_adhesion_j_m2", r.workOfAdhesion().value());
      Json.put(o, "work_of_adhesion_stderr_j_m2", r.workOfAdhesion().stdErr());
    }
    ObjectNode f = o.putObject("frames_used");
    f.put("interface", r.framesUsed()[0]);
    f.put("a", r.framesUsed()[1]);
    f.put("b", r.framesUsed()[2]);
    o.put("method", r.method());
    return o;
  }
}
