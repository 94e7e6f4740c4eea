package org.interphase.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interphase.analysis.bonds.BondAnalysis;
import org.interphase.analysis.bonds.BondParameters;
import org.interphase.analysis.bonds.BondResult;
import org.interphase.analysis.bonds.BondRule;
import org.interphase.analysis.bonds.BondViews;
import org.interphase.core.AtomTable;
import org.interphase.core.TrajectoryHeader;
import org.interphase.parsers.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interphase bonds PATH --center P --ligand S}: coordination, bond events and motifs over time. */
@Command(name = "bonds", mixinStandardHelpOptions = true,
    description = {"Bond breakage and formation of the --center/--ligand pair as events, coordination of the centre atoms, and over "
        + "time the thiophosphate units (PS4, PS3, P2S7, P2S6, other; from P–S and P–P bonds alone) and, as a separate "
        + "classification, the sulfur species (S8 ring, Sn chain, Sn bridge between P units, free S; from S–S bonds).",
        "A bond forms below --form-a and breaks above --break-a; a change counts once it has lasted --min-frames frames."})
final class BondsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Mixin
  FigureOptions figures;

  @Parameters(paramLabel = "PATH", description = "A trajectory file or an MD run directory.")
  Path path;

  @Option(names = "--center", paramLabel = "EL", description = "Centre element (default P, or S when there is no P).")
  String center;

  @Option(names = "--ligand", paramLabel = "EL", description = "Ligand element (default S).")
  String ligand;

  @Option(names = "--form-a", paramLabel = "Å", description = "A bond forms below this distance (P–S default 2.45 Å).")
  Double formA;

  @Option(names = "--break-a", paramLabel = "Å", description = "A bond breaks above this distance (P–S default 2.9 Å).")
  Double breakA;

  @Option(names = "--min-frames", paramLabel = "N", description = "Frames a change must last to count (default 3).")
  Integer minFrames;

  @Option(names = "--single-cutoff", paramLabel = "Å", description = "Compare with one cutoff and no dwell: every crossing counts (shows the "
      + "flicker).")
  Double singleCutoff;

  @Option(names = "--pairs", paramLabel = "A-B,…|all", description = "Also report the events of these followed pairs (P-S, S-S, P-P), "
      + "or all; by default only the --center/--ligand pair's events are reported. The motifs always use all three.")
  String pairs;

  @Option(names = "--layers", paramLabel = "AXIS=LO:HI,…", description = "Slabs for locating events along the interface normal, e.g. "
      + "z=0:10,10:20 (Å), or auto: from the composition of the first frame along z.")
  String layers;

  @Option(names = "--out", paramLabel = "DIR", description = "Write events.csv, motifs.csv, coordination.csv, bonds.json and motifs.png/.svg "
      + "here.")
  Path out;

  @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
  boolean json;

  @Override
  public Integer call() {
    ReadOptions options = input.toReadOptions();
    Inputs.Outcome<BondResult> o = Inputs.analyse(path, options, header -> new BondAnalysis(parameters(header)).start(header));
    ResultWriter.emit(spec, BondViews.of(o.result(), o.pass().warnings()), out, json);
    return 0;
  }

  /**
   * The parameters for a trajectory's atoms: the given pair (default P–S, or S–S without P), the given cutoffs or the pair's
   * defaults, layers, event pairs, single-cutoff mode.
   */
  private BondParameters parameters(TrajectoryHeader header) {
    AtomTable atoms = header.atoms();
    for (String el : new String[] {center, ligand}) {
      if (el != null && atoms.indicesOf(el).length == 0) {
        throw new IllegalArgumentException("no " + el + " atoms in " + header.source() + " (it has " + String.join(", ",
            atoms.speciesCounts().keySet()) + ")");
      }
    }
    BondParameters p;
    if (center == null && ligand == null && formA == null && breakA == null && minFrames == null) {
      p = RunAnalyses.bondDefaults(atoms, Double.NaN);
    } else {
      String c = center != null ? center : atoms.indicesOf("P").length > 0 ? "P" : "S";
      String l = ligand != null ? ligand : "S";
      BondRule defaults = formA != null && breakA != null ? new BondRule(c, l, formA, breakA, 3) : BondParameters.defaultRule(c, l);
      p = BondParameters.of(new BondRule(c, l, formA != null ? formA : defaults.formA(), breakA != null ? breakA : defaults.breakA(),
          minFrames != null ? minFrames : defaults.minFrames()));
    }
    if (layers != null) {
      p = p.withLayers(layers);
    }
    if (input.timestepFs != null) {
      p = p.withTimestepFs(input.timestepFs);
    }
    if (pairs != null) {
      p = p.withEventPairs(pairs);
    }
    return singleCutoff != null ? p.singleCutoff(singleCutoff) : p;
  }
}
