package org.interphase.parsers.h5md;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interphase.core.AtomTable;
import org.interphase.core.Energies;
import org.interphase.core.Frame;
import org.interphase.core.MalformedInputException;
import org.interphase.core.TrajectoryHeader;
import org.interphase.core.UnsupportedFormatException;
import org.interphase.parsers.AbstractFrameSource;
import org.interphase.parsers.ReadOptions;
import org.interphase.parsers.io.Compression;

/**
 * Streams the frames of an H5MD file (HDF5 for molecular data, <a
 * href="https://www.nongnu.org/h5md/h5md.html">nongnu.org/h5md</a>) through the pure-Java HDF5 library
 * jhdf. Layout read:
 *
 * <pre>{@code
 * /h5md                                   required (marks the file as H5MD)
 * /particles/<group>/position/value       [F][N][3]  positions, unit attribute (Å, nm, pm)
 * /particles/<group>/position/step        [F] or scalar increment (+ offset attribute)
 * /particles/<group>/position/time        [F] or scalar increment (+ offset), unit (fs, ps, ns)
 * /particles/<group>/box                  attributes dimension (3), boundary (periodic|none ×3)
 * /particles/<group>/box/edges            [3] or [3][3], or a group with value [F][3] or [F][3][3]
 * /particles/<group>/species              [N] or group with value [F][N]: atomic numbers or element names
 * }</pre>
 *
 * <p>Units: positions and cells in Å, times in fs (see {@link H5mdUnits}; a dataset without a {@code
 * unit} attribute is taken in Å or ps, with a note). Frames are read one at a time with sliced reads
 * ({@code position/value[i]}, {@code box/edges/value[i]}, see {@link FrameRows}), so memory does not
 * grow with the run; only the step and time columns are held. The first of several particle groups that has a {@code
 * position} is read (noted). Velocities, forces and observables are not read.
 *
 * <p>Time: the header's time between frames is the difference of the first two times (or the fixed
 * interval); a later spacing that differs is a warning and the times are kept as written.
 *
 * <p>Errors: a missing {@code /h5md} group, particles group, {@code position/value} or {@code
 * species}, a dataset of the wrong shape or an unknown unit is one {@link MalformedInputException}
 * naming the file and the dataset path; a compressed ({@code .gz}) file is an {@link
 * UnsupportedFormatException} (HDF5 needs random access).
 */
public final class H5mdReader extends AbstractFrameSource {
  /** Registry name of the format. */
  public static final String FORMAT = "h5md";

  /** The 8 bytes every HDF5 file starts with (at offset 0 unless it has a user block). */
  public static final String HDF5_SIGNATURE = new String(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'},
      StandardCharsets.ISO_8859_1);

  private final String file;
  private final HdfFile hdf;
  private final Dataset positions;
  private final FrameRows positionRows;
  private final double toAngstrom;
  private final H5mdTimes times;
  private final H5mdBox box;
  private final int frames;
  private final int atoms;
  private final TrajectoryHeader header;
  private int next;

  private H5mdReader(Path path, ReadOptions options) {
    super(options.strict());
    file = path.toString();
    if (Compression.isCompressed(path)) {
      throw new UnsupportedFormatException(file + ": an H5MD (HDF5) file is read uncompressed: decompress it first");
    }
    hdf = openHdf(path);
    try {
      if (!(HdfValues.nodeOrNull(hdf, "/h5md") instanceof Group)) {
        throw HdfValues.error(file, "/h5md", "the H5MD metadata group (an HDF5 file that is not H5MD?)", null);
      }
      List<String> notes = new ArrayList<>();
      String group = particleGroup(notes);
      positions = HdfValues.dataset(file, hdf, group + "/position/value");
      int[] dims = positions.getDimensions();
      if (dims.length != 3 || dims[2] != 3 || dims[0] < 1 || dims[1] < 1) {
        throw HdfValues.error(file, positions.getPath(), "positions of shape [frames][atoms][3]", "shape " + HdfValues.shape(positions));
      }
      frames = dims[0];
      atoms = dims[1];
      toAngstrom = H5mdUnits.toAngstrom(file, positions);
      positionRows = new FrameRows(file, positions);
      if (!positionRows.streams()) {
        notes.add(positions.getPath() + " is chunked across atoms: read whole into memory (sliced reads need whole-frame chunks)");
      }
      times = H5mdTimes.of(file, hdf, group + "/position", frames);
      box = H5mdBox.of(file, hdf, group, frames);
      AtomTable table = H5mdSpecies.read(file, hdf, group, atoms);
      unitNotes(group, notes);
      periodicityNotes(notes);
      double dt = times.firstSpacingFs(frames);
      header = new TrajectoryHeader(file, FORMAT, program(), table, box.cell(0), dt, Double.isNaN(dt) ? null : times.source(),
          box.variable(), notes);
      int off = times.firstUneven(frames);
      if (off > 0) {
        warn(String.format(Locale.ROOT, "the frames are not evenly spaced in time: frame %d (step %d) at %s fs comes %s fs after the"
            + " previous one, the first two are %s fs apart; times are taken as written", off, times.step(off), num(times.timeFs(off)),
            num(times.timeFs(off) - times.timeFs(off - 1)), num(dt)));
      }
    } catch (HdfException e) {
      hdf.close();
      // a cut or damaged HDF5 file: the library's words, with the file they are about
      throw new MalformedInputException(file, 0, "an intact HDF5 file (cut or damaged?)", e.getMessage());
    } catch (RuntimeException e) {
      hdf.close();
      throw e;
    }
  }

  /**
   * Opens an H5MD file and reads its metadata (not its positions).
   *
   * @throws MalformedInputException naming the file and dataset when the layout is not H5MD's
   * @throws UnsupportedFormatException for a compressed file
   */
  public static H5mdReader open(Path path, ReadOptions options) {
    return new H5mdReader(path, options);
  }

  /** Whether the first bytes of a file are an HDF5 file's that mentions an {@code h5md} group. */
  public static boolean looksLikeH5md(String head) {
    return head.startsWith(HDF5_SIGNATURE) && head.contains("h5md");
  }

  private HdfFile openHdf(Path path) {
    try {
      return new HdfFile(path);
    } catch (HdfException e) {
      throw new MalformedInputException(file, 0, "an HDF5 file", e.getMessage());
    }
  }

  /** The first group under /particles with a position; others are noted. */
  private String particleGroup(List<String> notes) {
    Node particles = HdfValues.nodeOrNull(hdf, "/particles");
    if (!(particles instanceof Group g)) {
      throw HdfValues.error(file, "/particles", "the H5MD particles group", null);
    }
    List<String> names = new ArrayList<>();
    for (String name : g.getChildren().keySet()) {
      if (HdfValues.nodeOrNull(hdf, "/particles/" + name + "/position") != null) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      throw HdfValues.error(file, "/particles/<group>/position", "a particles group with positions", "none in " + g.getChildren().keySet());
    }
    if (names.size() > 1) {
      notes.add("particle groups " + names + ": /particles/" + names.get(0) + " is read");
    }
    return "/particles/" + names.get(0);
  }

  private String program() {
    Node creator = HdfValues.nodeOrNull(hdf, "/h5md/creator");
    String name = creator == null ? null : HdfValues.attributeText(creator, "name");
    String version = creator == null ? null : HdfValues.attributeText(creator, "version");
    return name == null ? "H5MD" : "H5MD (" + name + (version == null ? "" : " " + version) + ")";
  }

  private void unitNotes(String group, List<String> notes) {
    if (!H5mdUnits.hasUnit(positions)) {
      notes.add(positions.getPath() + " has no unit attribute: positions taken in Å");
    }
    Dataset time = HdfValues.datasetOrNull(file, hdf, group + "/position/time");
    if (time != null && !H5mdUnits.hasUnit(time)) {
      notes.add(time.getPath() + " has no unit attribute: times taken in ps");
    }
  }

  private void periodicityNotes(List<String> notes) {
    boolean[] p = box.periodic();
    if (!box.hasEdges()) {
      notes.add("no box edges: a non-periodic system without a cell");
    } else if (!(p[0] && p[1] && p[2])) {
      notes.add("box boundary " + (p[0] ? "periodic" : "none") + " " + (p[1] ? "periodic" : "none") + " " + (p[2] ? "periodic" : "none")
          + ": positions along a non-periodic axis do not wrap and are used as written");
    }
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  @Override
  public TrajectoryHeader header() {
    return header;
  }

  @Override
  protected Frame readNext() {
    if (next >= frames) {
      return null;
    }
    int i = next++;
    try {
      double[] pos = positionRows.row(i);
      for (int k = 0; k < pos.length; k++) {
        if (!Double.isFinite(pos[k])) {
          throw new MalformedInputException(file, 0, "finite positions in " + positions.getPath() + " (frame " + i + ", atom " + k / 3
              + ")", Double.toString(pos[k]));
        }
        pos[k] *= toAngstrom;
      }
      return new Frame(times.step(i), times.timeFs(i), box.cell(i), pos, null, null, Energies.NONE);
    } catch (HdfException e) {
      throw new MalformedInputException(file, 0, "frame " + i + " of " + positions.getPath() + " (the file is cut or damaged?)",
          e.getMessage());
    }
  }

  @Override
  public void close() {
    hdf.close();
  }
}
