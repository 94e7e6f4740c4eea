package org.interphase.parsers.vasp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.Warning;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.TruncatedInputException;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.Compression;

/**
 * Streams the ionic steps ({@code <calculation>}) of a vasprun.xml with StAX: cell, positions,
 * forces and the step's energies ({@code e_fr_energy}, {@code e_0_energy}, MD {@code kinetic} and
 * {@code total}); atoms from {@code <atominfo>}; POTIM and IBRION from the parameters.
 *
 * <p>Safety: a document with a DTD ({@code <!DOCTYPE …>}) is rejected before any entity could be
 * expanded, and external entities are off, so billion-laughs and XXE files fail with a one-line
 * error. A file cut off inside a step (running job) yields every complete step and a warning.
 */
public final class VasprunReader extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "vasp-vasprun";

  private final String source;
  private final XMLStreamReader x;
  private final EofTrackingStream stream;
  private final TrajectoryHeader header;
  private final int n;
  private final double dtFs;
  private final int stepsPerFrame;
  /**
   * Elements open at the reader's position. A vasprun.xml nests about ten deep; a document nested
   * deeper is refused at once instead of being walked through (millions of nested elements).
   */
  private int depth;
  private static final int MAX_DEPTH = 64;
  private boolean atCalculation;
  private int index;
  private boolean cellChanged;
  private Cell firstCell;

  private VasprunReader(Path path, ReadOptions options) {
    super(options.strict());
    this.source = path.toString();
    this.stream = new EofTrackingStream(Compression.open(path));
    x = createXmlReader(stream);
    try {
      Preamble p = readPreamble(path);
      if (p.labels.isEmpty()) {
        throw new MalformedInputException(source, line(), "an <atominfo> block with the atoms", atCalculation ? "<calculation>" : null);
      }
      AtomTable atoms = atomTable(path, options, p.labels, p.typeOfAtom, p.types);
      n = atoms.size();
      boolean md = p.ibrion == 0;
      VaspParameters params = p.tags.build();
      // VASP >= 6.4.3 writes only every ML_OUTBLOCK-th step of a prediction-only ML run to vasprun.xml
      stepsPerFrame = params.versionAtLeast(6, 4, 3) ? params.mlOutputInterval() : 1;
      FrameSpacing spacing = FrameSpacing.ownFile(path, params, 0, stepsPerFrame,
          "ML_OUTBLOCK (ML_MODE = run, VASP ≥ 6.4.3)", md);
      spacing.warnings().forEach(this::warn);
      dtFs = spacing.dtFs();
      List<String> notes = new ArrayList<>();
      notes.add(md ? "molecular dynamics (IBRION=0), POTIM " + p.potim + " fs" : "ionic relaxation or single point (IBRION=" + p.ibrion + ")");
      notes.addAll(spacing.notes());
      String program = p.version == null ? "VASP" : "VASP " + p.version.replaceFirst("^(\\d+\\.\\d+(?:\\.\\d+)?).*$", "$1");
      TrajectoryHeader th = new TrajectoryHeader(source, FORMAT, program, atoms, firstCell, dtFs, spacing.source(), false, notes)
          .withStepsPerFrame(md ? spacing.stepsPerFrame() : 0);
      header = spacing.notDynamics() == null ? th : th.withNotDynamics(spacing.notDynamics());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** A StAX reader over {@code in} with DTDs, external entities and entity expansion off. */
  private XMLStreamReader createXmlReader(InputStream in) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    try {
      return f.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  /** What a vasprun.xml says before its first {@code <calculation>}. */
  private static final class Preamble {
    private String version;
    /** per atom, its label in {@code <atominfo>} */
    private final List<String> labels = new ArrayList<>();
    /** per atom, its atom type (1-based) */
    private final List<Integer> typeOfAtom = new ArrayList<>();
    /** per atom type: label, pseudopotential, line */
    private final List<String[]> types = new ArrayList<>();
    private final VaspParameters.Tags tags;
    private double potim = Double.NaN;
    private int ibrion = -1;

    Preamble(VaspParameters.Tags tags) {
      this.tags = tags;
    }
  }

  /** Reads up to the first {@code <calculation>} (left open) or the end of the document; the root must be {@code <modeling>}. */
  private Preamble readPreamble(Path path) {
    Preamble p = new Preamble(new VaspParameters.Tags(path.getFileName().toString(), null));
    boolean sawRoot = false;
    while (true) {
      int ev = nextEvent();
      if (ev == XMLStreamConstants.END_DOCUMENT) {
        return p;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = x.getLocalName();
      if (!sawRoot) {
        sawRoot = true;
        if (!name.equals("modeling")) {
          throw new MalformedInputException(source, line(), "a vasprun.xml with root <modeling>", "<" + name + ">");
        }
      } else if (!preambleElement(p, name, x.getAttributeValue(null, "name"))) {
        return p;
      }
    }
  }

  /**
   * Reads one element of the preamble into {@code p}: the version, a parameter, the atoms, the atom
   * types or the initial structure; false at the first {@code <calculation>}.
   */
  private boolean preambleElement(Preamble p, String name, String attr) {
    if (name.equals("i") && "version".equals(attr) && p.version == null) {
      p.version = text().strip();
      p.tags.version(p.version.replaceFirst("^(\\d+\\.\\d+(?:\\.\\d+)?).*$", "$1"));
    } else if (name.equals("i") && "POTIM".equals(attr)) {
      long at = line();
      String t = text();
      p.potim = number(t, "POTIM");
      p.tags.put("POTIM", t, at);
    } else if (name.equals("i") && "IBRION".equals(attr)) {
      long at = line();
      String t = text();
      p.ibrion = (int) number(t, "IBRION");
      p.tags.put("IBRION", t, at);
    } else if (name.equals("i") && attr != null && VaspParameters.Tags.wanted(attr)) {
      long at = line();
      p.tags.put(attr, text(), at);
    } else if (name.equals("array") && "atoms".equals(attr)) {
      readAtoms(p.labels, p.typeOfAtom);
    } else if (name.equals("array") && "atomtypes".equals(attr)) {
      readAtomTypes(p.types);
    } else if (name.equals("structure") && "initialpos".equals(attr)) {
      firstCell = readStructure(new double[0]).cell;
    } else if (name.equals("calculation")) {
      atCalculation = true;
      return false;
    }
    return true;
  }

  /**
   * Each atom's element from its type in {@code <atominfo>}: the type's label when it is an element
   * and its pseudopotential ({@code PAW_PBE Zr_sv 04Jan2005}) does not name another one, else the
   * pseudopotential's element with a warning; a type naming no element either way is an error at
   * its line. Without an atomtypes array the labels are resolved as in a POSCAR.
   */
  private AtomTable atomTable(Path path, ReadOptions options, List<String> labels, List<Integer> typeOfAtom, List<String[]> types) {
    int nTypes = types.isEmpty() ? typeOfAtom.stream().mapToInt(Integer::intValue).max().orElse(0) : types.size();
    String[] typeElement = new String[nTypes];
    if (!types.isEmpty()) {
      for (int t = 0; t < nTypes; t++) {
        String[] row = types.get(t);
        String fromLabel = SpeciesResolver.elementOrNull(row[0]);
        String fromPotential = SpeciesResolver.elementOfPotential(row[1]);
        if (fromLabel != null && (fromPotential == null || fromPotential.equals(fromLabel))) {
          typeElement[t] = fromLabel;
        } else if (fromPotential != null) {
          warn(path.getFileName() + ":" + row[2] + ": atom type " + (t + 1) + " is labelled \"" + row[0].strip() + "\""
              + (fromLabel == null ? ", which is not an element" : "") + "; its pseudopotential " + row[1].strip() + " makes it "
              + fromPotential);
          typeElement[t] = fromPotential;
        } else {
          throw MalformedInputException.of(source, Long.parseLong(row[2]), "expected an element for atom type " + (t + 1)
              + " in its label or pseudopotential, found \"" + MalformedInputException.abbreviate(row[0]) + "\" and \""
              + MalformedInputException.abbreviate(row[1]) + "\"");
        }
      }
    } else {
      List<String> typeLabels = new ArrayList<>();
      for (int t = 0; t < nTypes; t++) {
        typeLabels.add(labels.get(typeOfAtom.indexOf(t + 1)));
      }
      List<Warning> warnings = new ArrayList<>();
      List<String> el = SpeciesResolver.resolveLabels(path, typeLabels, options, source, line(), warnings);
      warnings.forEach(w -> warn(w.kind(), w.text()));
      el.toArray(typeElement);
    }
    String[] elements = new String[labels.size()];
    String[] kinds = new String[labels.size()];
    for (int i = 0; i < elements.length; i++) {
      int t = typeOfAtom.get(i) - 1;
      if (t < 0 || t >= nTypes) {
        throw MalformedInputException.of(source, line(), "atom " + (i + 1) + " has atom type " + (t + 1) + " but <atominfo> lists "
            + nTypes + " types");
      }
      elements[i] = typeElement[t];
      kinds[i] = SpeciesResolver.kindOf(labels.get(i), elements[i]);
    }
    try {
      return AtomTable.withKinds(elements, kinds);
    } catch (IllegalArgumentException e) {
      throw MalformedInputException.of(source, line(), e.getMessage());
    }
  }

  /** Opens a vasprun.xml for streaming. */
  public static VasprunReader open(Path path, ReadOptions options) {
    return new VasprunReader(path, options);
  }

  @Override
  public TrajectoryHeader header() {
    if (cellChanged) {
      return header.withVariableCell();
    }
    return header;
  }

  @Override
  protected Frame readNext() {
    while (!atCalculation) {
      int ev = nextEvent();
      if (ev == XMLStreamConstants.END_DOCUMENT) {
        return null;
      }
      if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("calculation")) {
        atCalculation = true;
      }
    }
    atCalculation = false;
    return readCalculation();
  }

  private Frame readCalculation() {
    long start = line();
    Structure s = null;
    double[] forces = null;
    double efr = Double.NaN;
    double e0 = Double.NaN;
    double kin = Double.NaN;
    double total = Double.NaN;
    int depth = 1;
    while (depth > 0) {
      int ev = nextEventInStep(start);
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = x.getLocalName();
        String attr = x.getAttributeValue(null, "name");
        if (depth == 1 && name.equals("structure")) {
          s = readStructure(new double[3 * n]);
          continue;
        }
        if (depth == 1 && name.equals("varray") && "forces".equals(attr)) {
          forces = readVectors(new double[3 * n], "forces");
          continue;
        }
        if (depth == 2 && name.equals("i") && attr != null) {
          // direct children of the step's own <energy>, not of <scstep>
          double v = number(text(), attr);
          switch (attr) {
            case "e_fr_energy" -> efr = v;
            case "e_0_energy" -> e0 = v;
            case "kinetic" -> kin = v;
            case "total" -> total = v;
            default -> { }
          }
          continue;
        }
        if (depth == 1 && !name.equals("energy")) {
          skipElement();
          continue;
        }
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (s == null) {
      throw new MalformedInputException(source, start, "a <structure> in the <calculation>", "none");
    }
    if (firstCell == null) {
      firstCell = s.cell;
    } else if (!s.cell.approxEquals(firstCell, 1e-9)) {
      cellChanged = true;
    }
    double t = Double.isNaN(dtFs) ? Double.NaN : index * dtFs;
    index++;
    return new Frame((long) index * stepsPerFrame, t, s.cell, s.positions, forces, null, new Energies(efr, efr, e0, kin, total, Double.NaN));
  }

  private record Structure(Cell cell, double[] positions) {}

  /** Reads a {@code <structure>} (the reader is on its start tag) into Cartesian positions. */
  private Structure readStructure(double[] frac) {
    Cell cell = null;
    boolean havePositions = false;
    int depth = 1;
    while (depth > 0) {
      int ev = nextEvent();
      if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw new TruncatedInputException(source, line(), "the end of a <structure>");
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String attr = x.getAttributeValue(null, "name");
        if (x.getLocalName().equals("varray") && "basis".equals(attr)) {
          double[] rows = readVectors(new double[9], "basis");
          try {
            cell = Cell.ofRows(rows);
          } catch (IllegalArgumentException e) {
            throw MalformedInputException.of(source, line(), e.getMessage());
          }
          continue;
        }
        if (x.getLocalName().equals("varray") && "positions".equals(attr)) {
          if (frac.length > 0) {
            readVectors(frac, "positions");
            havePositions = true;
          } else {
            skipElement();
          }
          continue;
        }
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (cell == null || (frac.length > 0 && !havePositions)) {
      throw new MalformedInputException(source, line(), "a <structure> with basis and positions", "an incomplete structure");
    }
    if (frac.length > 0) {
      cell.toCartesian(frac, frac);
    }
    return new Structure(cell, frac);
  }

  /** Reads the {@code <v>} rows of a {@code <varray>} into {@code out}; the count must fill it. */
  private double[] readVectors(double[] out, String what) {
    int k = 0;
    while (true) {
      int ev = nextEvent();
      if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("v")) {
        long at = line();
        String[] t = text().strip().split("\\s+");
        if (t.length != 3 || k + 3 > out.length) {
          throw new MalformedInputException(source, at, (out.length / 3) + " rows of 3 numbers in <varray name=\"" + what
              + "\"> (wrong atom count?)", String.join(" ", t));
        }
        for (String s : t) {
          out[k++] = number(s, what);
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("varray")) {
        break;
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw new TruncatedInputException(source, line(), "the end of <varray name=\"" + what + "\">");
      }
    }
    if (k != out.length) {
      throw new MalformedInputException(source, line(), (out.length / 3) + " rows in <varray name=\"" + what + "\">",
          (k / 3) + " rows");
    }
    return out;
  }

  /** Reads {@code <array name="atoms">}: per atom {@code <rc><c>Li</c><c>   1</c></rc>}, label and type. */
  private void readAtoms(List<String> labels, List<Integer> typeOfAtom) {
    for (List<String> row : readRows("atoms")) {
      if (row.size() < 2) {
        throw new MalformedInputException(source, line(), "an atom row with element and atom type", String.join(" ", row));
      }
      labels.add(row.get(0).strip());
      typeOfAtom.add((int) number(row.get(1), "the atom type"));
    }
  }

  /**
   * Reads {@code <array name="atomtypes">}: per type count, element, mass, valence and
   * pseudopotential; keeps label, pseudopotential and the row's line.
   */
  private void readAtomTypes(List<String[]> types) {
    for (List<String> row : readRows("atomtypes")) {
      String label = row.size() > 1 ? row.get(1) : "";
      String potential = row.size() > 4 ? row.get(4) : "";
      types.add(new String[] {label, potential, row.get(row.size() - 1)});
    }
  }

  /** The {@code <c>} texts of every {@code <rc>} of the array the reader is in; the row's line is appended. */
  private List<List<String>> readRows(String what) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = null;
    int depth = 1;
    while (depth > 0) {
      int ev = nextEvent();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = x.getLocalName();
        if (name.equals("rc")) {
          row = new ArrayList<>();
          depth++;
        } else if (name.equals("c")) {
          String t = text();
          if (row != null) {
            row.add(t);
          }
        } else {
          depth++;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (x.getLocalName().equals("rc") && row != null) {
          row.add(String.valueOf(line()));
          rows.add(row);
          row = null;
        }
        depth--;
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw new TruncatedInputException(source, line(), "the end of the " + what + " array");
      }
    }
    return rows;
  }

  private void skipElement() {
    int depth = 1;
    while (depth > 0) {
      int ev = nextEvent();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw new TruncatedInputException(source, line(), "the end of an element");
      }
    }
  }

  private String text() {
    try {
      String t = x.getElementText();
      // getElementText consumed the element's end tag
      depth--;
      return t;
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  private double number(String text, String what) {
    String t = text.strip();
    try {
      double v = Double.parseDouble(t);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedInputException(source, line(), "a finite number for " + what, t);
  }

  private int nextEventInStep(long start) {
    int ev = nextEvent();
    if (ev == XMLStreamConstants.END_DOCUMENT) {
      throw new TruncatedInputException(source, line(), "the end of the ionic step that starts at line " + start);
    }
    return ev;
  }

  private int nextEvent() {
    try {
      if (!x.hasNext()) {
        return XMLStreamConstants.END_DOCUMENT;
      }
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
        throw new MalformedInputException(source, line(), "XML nested at most " + MAX_DEPTH + " elements deep (vasprun.xml needs "
            + "about ten)", "<" + x.getLocalName() + "> at depth " + depth);
      }
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      if (ev == XMLStreamConstants.DTD) {
        throw new MalformedInputException(source, line(), "a vasprun.xml without a DTD (entity declarations are refused)",
            "<!DOCTYPE");
      }
      if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new MalformedInputException(source, line(), "no entity references", "&" + x.getLocalName() + ";");
      }
      return ev;
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  private MalformedInputException malformed(XMLStreamException e) {
    long at = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String lower = msg.toLowerCase(Locale.ROOT);
    if (stream.eof && (lower.contains("end of file") || lower.contains("same entity") || lower.contains("premature")
        || lower.contains("eof") || lower.contains("must be terminated"))) {
      return new TruncatedInputException(source, at, "the rest of the XML document (it ends early)");
    }
    int i = msg.indexOf("Message:");
    String detail = (i >= 0 ? msg.substring(i + 8) : msg).strip();
    return MalformedInputException.of(source, at, "expected well-formed XML: " + MalformedInputException.abbreviate(detail));
  }

  private long line() {
    return x == null || x.getLocation() == null ? 0 : x.getLocation().getLineNumber();
  }

  @Override
  public void close() {
    try {
      if (x != null) {
        x.close();
      }
      stream.close();
    } catch (XMLStreamException | IOException e) {
      // closing a read-only stream: nothing to recover
    }
  }

  /** Remembers whether the underlying stream reached its end, to tell truncation from bad XML. */
  private static final class EofTrackingStream extends FilterInputStream {
    boolean eof;

    EofTrackingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      eof |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int k = super.read(b, off, len);
      eof |= k < 0;
      return k;
    }
  }
}
