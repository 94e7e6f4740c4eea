package org.interphase.parsers.vasp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Units;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.LineReader;

/**
 * Streams an XDATCAR frame by frame.
 *
 * <p>Layouts read:
 *
 * <ul>
 *   <li>VASP ≥ 5.2.12, fixed cell: one header, then {@code Direct configuration=     N} + N lines.
 *   <li>Variable cell (ISIF ≥ 3): the whole header is written again before every frame.
 *   <li>VASP 5.2-era: frames separated by a blank line, no configuration numbers.
 *   <li>VASP 4: a five-line header ({@code NIONS NIONS NBLOCK}, volume/a/b/c/POTIM, T, "CAR", name)
 *       with no lattice and no symbols; the cell and elements come from a POSCAR/CONTCAR beside
 *       the file (or symbols from {@code --elements} plus the header's lengths as an orthorhombic
 *       cell, with a warning).
 * </ul>
 *
 * <p>Time: frame k (0-based) is at {@code k · dt}, dt from {@code --timestep-fs} or POTIM × NBLOCK
 * of an OUTCAR/INCAR beside the file; otherwise unknown (NaN). Configuration numbers become the
 * frame's step, as written (restarts renumber them, so they are not used as time).
 */
public final class XdatcarReader extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "vasp-xdatcar";

  private static final String COORDS = "3 coordinates";
  private final LineReader r;
  private final Path path;
  private final ReadOptions options;
  private final TrajectoryHeader header;
  private final int n;
  private final boolean vasp4;
  private Cell cell;
  private double[] scale;
  private boolean variableCell;
  private boolean lineReady;
  private long index;
  private final double dtFs;

  private XdatcarReader(Path path, ReadOptions options) {
    super(options.strict());
    this.path = path;
    this.options = options;
    this.r = LineReader.open(path);
    try {
      if (!r.next()) {
        throw new MalformedInputException(r.source(), 1, "an XDATCAR header", null);
      }
      List<String> notes = new ArrayList<>();
      AtomTable atoms;
      if (looksLikeVasp4(r)) {
        vasp4 = true;
        Vasp4Header h4 = readVasp4Header(notes);
        atoms = h4.atoms;
        cell = h4.cell;
        scale = new double[] {1, 1, 1};
      } else {
        vasp4 = false;
        VaspHeader h = VaspHeader.read(r, path, options);
        notes.addAll(h.notes());
        atoms = h.atoms();
        cell = h.cell();
        scale = h.scale();
      }
      n = atoms.size();
      double dt = options.timestepFs();
      if (Double.isNaN(dt)) {
        RunParameters rp = RunParameters.besides(path);
        if (!Double.isNaN(rp.potimFs())) {
          dt = rp.potimFs() * rp.nblock();
          notes.add("time between frames " + dt + " fs = POTIM " + rp.potimFs() + " fs × NBLOCK " + rp.nblock() + " from " + rp.origin());
        } else {
          notes.add("time between frames unknown (no OUTCAR or INCAR beside the file): pass --timestep-fs");
        }
      }
      dtFs = dt;
      notes.forEach(this::warnIfAssumed);
      header = new TrajectoryHeader(path.toString(), FORMAT, "VASP", atoms, cell, dtFs, false, notes);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** Opens an XDATCAR for streaming. The header is read at once; frames on demand. */
  public static XdatcarReader open(Path path, ReadOptions options) {
    return new XdatcarReader(path, options);
  }

  private void warnIfAssumed(String note) {
    if (note.contains("assumed")) {
      warn(note);
    }
  }

  @Override
  public TrajectoryHeader header() {
    if (variableCell && !header.variableCell()) {
      return header.withVariableCell();
    }
    return header;
  }

  @Override
  protected Frame readNext() {
    // find the start of the next frame: a configuration line, a blank separator or a repeated header
    boolean cartesian = false;
    long step = index + 1;
    while (true) {
      if (!lineReady && !r.next()) {
        return null;
      }
      lineReady = false;
      if (r.isBlank()) {
        // blank separator (VASP 4 and 5.2-era): the next non-blank line starts the coordinates
        if (!skipBlank()) {
          return null;
        }
        if (r.nextIsNumber()) {
          break;
        }
        lineReady = true;
        continue;
      }
      if (r.contains("configuration") || r.contains("Konfig") || r.startsWithTrimmed("Direct") || r.startsWithTrimmed("direct")
          || r.startsWithTrimmed("Cartesian") || r.startsWithTrimmed("cartesian")) {
        cartesian = PoscarReader.isCartesian(r);
        if (r.skipPast("=")) {
          // VASP writes the number as I6: past 999999 steps it prints ******; the frame index stands in
          step = r.nextIsNumber() ? r.nextLong("a configuration number after \"=\"") : index + 1;
        }
        if (!r.next()) {
          throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "coordinates of frame " + (index + 1));
        }
        break;
      }
      if (r.nextIsNumber()) {
        // coordinates straight after the header (VASP 5.2-era first frame)
        break;
      }
      readRepeatedHeader();
    }
    double[] pos = new double[3 * n];
    for (int i = 0; i < n; i++) {
      if (i > 0 && !r.next()) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1,
            "coordinates of atom " + (i + 1) + " of " + n + " in frame " + (index + 1));
      }
      try {
        pos[3 * i] = r.nextDouble(COORDS);
        pos[3 * i + 1] = r.nextDouble(COORDS);
        pos[3 * i + 2] = r.nextDouble(COORDS);
      } catch (MalformedInputException e) {
        if (r.isBlank() || r.contains("configuration") || r.contains("Direct")) {
          throw new MalformedInputException(r.source(), r.lineNumber(), "coordinates of atom " + (i + 1) + " of " + n
              + " in frame " + (index + 1) + " (wrong atom count?)", r.line());
        }
        throw e.withExpected("3 coordinates for atom " + (i + 1) + " in frame " + (index + 1));
      }
    }
    if (cartesian) {
      for (int i = 0; i < pos.length; i++) {
        pos[i] *= scale[i % 3];
      }
    } else {
      cell.toCartesian(pos, pos);
    }
    double t = Double.isNaN(dtFs) ? Double.NaN : index * dtFs;
    index++;
    return new Frame(step, t, cell, pos, null, null, null);
  }

  private boolean skipBlank() {
    while (r.isBlank()) {
      if (!r.next()) {
        return false;
      }
    }
    return true;
  }

  private void readRepeatedHeader() {
    long line = r.lineNumber();
    VaspHeader h;
    try {
      h = VaspHeader.read(r, path, options);
    } catch (MalformedInputException e) {
      if (e.getMessage().contains("found end of file")) {
        throw new TruncatedInputException(r.source(), r.lineNumber() + 1, "the rest of the repeated header of frame " + (index + 1));
      }
      throw new MalformedInputException(r.source(), line,
          "\"Direct configuration=\" or a repeated header (variable cell)", e.getMessage());
    }
    if (!h.atoms().equals(header.atoms())) {
      throw MalformedInputException.of(r.source(), r.lineNumber(),
          "repeated header changes the atoms from " + header.atoms() + " to " + h.atoms());
    }
    if (!h.cell().equals(cell)) {
      variableCell = true;
    }
    cell = h.cell();
    scale = h.scale();
  }

  private record Vasp4Header(AtomTable atoms, Cell cell) {}

  /** VASP 4: line 1 holds only integers (NIONS NIONS NBLOCK) and line 4 reads "CAR". */
  private static boolean looksLikeVasp4(LineReader r) {
    String[] t = r.line().strip().split("\\s+");
    if (t.length < 2) {
      return false;
    }
    for (String s : t) {
      if (!s.matches("\\d+")) {
        return false;
      }
    }
    return true;
  }

  private Vasp4Header readVasp4Header(List<String> notes) {
    int nions = r.nextInt("the number of ions");
    VaspHeader.need(r, "volume, a, b, c and POTIM");
    double[] abc = new double[3];
    r.nextDouble("the volume");
    for (int k = 0; k < 3; k++) {
      abc[k] = r.nextDouble("cell lengths a, b, c");
    }
    VaspHeader.need(r, "the temperature line");
    VaspHeader.need(r, "\"CAR\"");
    VaspHeader.need(r, "the system name");
    // a POSCAR/CONTCAR beside it gives elements, counts and the true cell
    Path dir = path.toAbsolutePath().getParent();
    for (String name : new String[] {"POSCAR", "CONTCAR"}) {
      Path p = dir == null ? null : dir.resolve(name);
      if (p != null && Files.isRegularFile(p)) {
        PoscarReader.Structure s = PoscarReader.read(p, options);
        if (s.header().atoms().size() == nions) {
          notes.add("VASP 4 XDATCAR: elements and cell from " + name + " beside it");
          return new Vasp4Header(s.header().atoms(), s.frame().cell());
        }
      }
    }
    List<String> sp = options.species();
    if (sp.isEmpty()) {
      throw new MalformedInputException(r.source(), 1,
          "a POSCAR beside this VASP 4 XDATCAR, or --elements El:count,… (it names no elements)", "none");
    }
    List<String> symbols = new ArrayList<>();
    int[] counts = new int[sp.size()];
    for (int i = 0; i < sp.size(); i++) {
      String[] parts = sp.get(i).split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("a VASP 4 XDATCAR needs --elements with counts, e.g. C:1440,H:2880; got " + sp);
      }
      symbols.add(parts[0]);
      counts[i] = Integer.parseInt(parts[1].strip());
    }
    AtomTable atoms = AtomTable.ofBlocks(symbols, counts);
    if (atoms.size() != nions) {
      throw MalformedInputException.of(r.source(), 1, "--elements gives " + atoms.size() + " atoms but the file has " + nions);
    }
    // lengths are written in metres by VASP 4 (e.g. 3.606e-09); convert when they look like metres
    double f = abc[0] < 1e-6 ? Units.METRE_TO_ANGSTROM : 1;
    Cell c = Cell.orthorhombic(abc[0] * f, abc[1] * f, abc[2] * f);
    notes.add("VASP 4 XDATCAR without a POSCAR beside it: cell assumed orthorhombic from the header lengths " + c);
    return new Vasp4Header(atoms, c);
  }

  @Override
  protected boolean endedWithoutNewline() {
    return r.endedWithoutNewline();
  }

  @Override
  public void close() {
    r.close();
  }
}
