package org.interphase.analysis.msd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.interphase.core.AtomTable;
import org.interphase.core.Cell;
import org.interphase.core.Frame;
import org.junit.jupiter.api.Test;

/**
 * Beyond a share of the heap the unwrapped coordinates go to a temporary file; the MSD must be the
 * one computed in memory, and the file must be gone afterwards.
 */
class MsdSpillTest {

  private static List<Path> tempFiles() throws IOException {
    return tempFiles("interphase-msd-");
  }

  private static List<Path> tempFiles(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  @Test
  void columnsReadBackFromTheFileAreTheRowsWritten() throws IOException {
    List<Path> before = tempFiles();
    System.setProperty("interphase.msdSpillBytes", "4096");
    try {
      int width = 7;
      SeriesStore store = new SeriesStore(width);
      int frames = 5000; // several tiles and a partial one
      for (int t = 0; t < frames; t++) {
        double[] row = new double[width];
        for (int c = 0; c < width; c++) {
          row[c] = t * 100.0 + c + 0.25;
        }
        store.add(row);
      }
      assertTrue(store.spilled(), "the rows went to a file");
      double[][] cols = new double[3][frames];
      store.columns(2, cols);
      for (int t = 0; t < frames; t++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(t * 100.0 + 2 + j + 0.25, cols[j][t], 0.0, "frame " + t + ", column " + (2 + j));
        }
      }
      store.close();
      List<Path> left = new ArrayList<>(tempFiles());
      left.removeAll(before);
      assertTrue(left.isEmpty(), "the temporary file is deleted: " + left);
    } finally {
      System.clearProperty("interphase.msdSpillBytes");
    }
  }

  /** Blocks of consecutive rows, as the van Hove correlation reads them, from memory and from the file: across tiles and the last partial one. */
  @Test
  void blocksOfRowsReadBackAreTheRowsWritten() throws IOException {
    List<Path> before = tempFiles("interphase-vanhove-");
    int width = 5;
    int frames = 20000; // two tiles of 8192 rows in the file, the rest in memory
    for (String limit : new String[] {null, "4096"}) {
      if (limit != null) {
        System.setProperty("interphase.msdSpillBytes", limit);
      }
      try (SeriesStore store = new SeriesStore(width, "van Hove")) {
        for (int t = 0; t < frames; t++) {
          double[] row = new double[width];
          for (int c = 0; c < width; c++) {
            row[c] = t * 10.0 + c + 0.5;
          }
          store.add(row);
        }
        assertEquals(limit != null, store.spilled());
        int[][] blocks = {{0, 1}, {0, frames}, {2040, 20}, {8190, 5}, {1000, 15000}, {16383, 2}, {frames - 37, 37}, {4321, 0}};
        for (int[] b : blocks) {
          double[] out = new double[b[1] * width];
          store.rows(b[0], b[1], out);
          for (int k = 0; k < b[1]; k++) {
            for (int c = 0; c < width; c++) {
              assertEquals((b[0] + k) * 10.0 + c + 0.5, out[k * width + c], 0.0, "row " + (b[0] + k) + ", column " + c);
            }
          }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> store.rows(frames - 1, 2, new double[2 * width]));
      } finally {
        System.clearProperty("interphase.msdSpillBytes");
      }
    }
    List<Path> left = new ArrayList<>(tempFiles("interphase-vanhove-"));
    left.removeAll(before);
    assertTrue(left.isEmpty(), "the temporary file is deleted: " + left);
  }

  /** A store laid out for reading rows gives back the same rows and columns as one laid out for columns, from the file too. */
  @Test
  void rowAndColumnLayoutsReadBackTheSameValues() throws IOException {
    List<Path> before = tempFiles("interphase-rows-");
    int width = 6;
    int frames = 12000; // with a 4 kB limit: tiles of 8192 rows in the file, the rest in memory
    System.setProperty("interphase.msdSpillBytes", "4096");
    try (SeriesStore byRows = new SeriesStore(width, "rows", SeriesStore.Access.ROWS);
        SeriesStore byColumns = new SeriesStore(width, "columns", SeriesStore.Access.COLUMNS)) {
      Random rnd = new Random(11);
      for (int t = 0; t < frames; t++) {
        double[] row = new double[width];
        for (int c = 0; c < width; c++) {
          row[c] = rnd.nextGaussian();
        }
        byRows.add(row);
        byColumns.add(row);
      }
      assertTrue(byRows.spilled() && byColumns.spilled(), "both went to a file");
      for (int[] b : new int[][] {{0, frames}, {8190, 5}, {8192, 3000}, {frames - 1, 1}, {77, 0}}) {
        double[] a = new double[b[1] * width];
        double[] c = new double[b[1] * width];
        byRows.rows(b[0], b[1], a);
        byColumns.rows(b[0], b[1], c);
        assertArrayEquals(c, a, 0.0, "rows " + b[0] + "+" + b[1]);
      }
      double[][] a = new double[2][frames];
      double[][] c = new double[2][frames];
      byRows.columns(3, a);
      byColumns.columns(3, c);
      assertArrayEquals(c[0], a[0], 0.0);
      assertArrayEquals(c[1], a[1], 0.0);
    } finally {
      System.clearProperty("interphase.msdSpillBytes");
    }
    List<Path> left = new ArrayList<>(tempFiles("interphase-rows-"));
    left.removeAll(before);
    assertTrue(left.isEmpty(), "the temporary file is deleted: " + left);
  }

  /** A store of floats gives back its values rounded to floats, from memory and from its file alike. */
  @Test
  void aStoreOfFloatsGivesBackTheFloats() throws IOException {
    List<Path> before = tempFiles("interphase-floats-");
    int width = 9;
    int frames = 9000;
    for (String limit : new String[] {null, "4096"}) {
      if (limit != null) {
        System.setProperty("interphase.msdSpillBytes", limit);
      }
      try (SeriesStore store = SeriesStore.ofFloats(width, "floats")) {
        Random rnd = new Random(5);
        double[][] rows = new double[frames][width];
        for (int t = 0; t < frames; t++) {
          for (int c = 0; c < width; c++) {
            rows[t][c] = rnd.nextDouble();
          }
          store.add(rows[t]);
        }
        assertEquals(limit != null, store.spilled());
        for (int[] b : new int[][] {{0, frames}, {3000, 4000}, {frames - 3, 3}}) {
          double[] out = new double[b[1] * width];
          store.rows(b[0], b[1], out);
          for (int k = 0; k < b[1]; k++) {
            for (int c = 0; c < width; c++) {
              assertEquals((float) rows[b[0] + k][c], out[k * width + c], 0.0);
            }
          }
        }
      } finally {
        System.clearProperty("interphase.msdSpillBytes");
      }
    }
    List<Path> left = new ArrayList<>(tempFiles("interphase-floats-"));
    left.removeAll(before);
    assertTrue(left.isEmpty(), "the temporary file is deleted: " + left);
  }

  @Test
  void theMsdFromTheFileIsTheMsdFromMemory() throws IOException {
    Cell cell = Cell.ofRows(new double[] {12, 0, 0, 2, 11, 0, 1, 1, 13});
    List<String> symbols = new ArrayList<>();
    for (int a = 0; a < 40; a++) {
      symbols.add(a < 30 ? "Li" : "S");
    }
    AtomTable atoms = AtomTable.of(symbols.toArray(String[]::new));
    Random rnd = new Random(3);
    double[] pos = new double[3 * atoms.size()];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = rnd.nextDouble() * 10;
    }
    List<Frame> frames = new ArrayList<>();
    for (int k = 0; k < 3000; k++) {
      for (int i = 0; i < pos.length; i++) {
        pos[i] += (i < 90 ? 0.3 : 0.05) * rnd.nextGaussian();
      }
      frames.add(new Frame(k, 2.0 * k, cell, MsdSyntheticTest.wrap(cell, pos.clone()), null, null, null));
    }
    MsdParameters p = MsdParameters.of("Li");
    MsdResult inMemory = MsdSyntheticTest.run(p, MsdSyntheticTest.header(atoms, cell, 2.0), frames);
    List<Path> before = tempFiles();
    System.setProperty("interphase.msdSpillBytes", "100000");
    MsdResult spilled;
    try {
      spilled = MsdSyntheticTest.run(p, MsdSyntheticTest.header(atoms, cell, 2.0), frames);
    } finally {
      System.clearProperty("interphase.msdSpillBytes");
    }
    double[] a = inMemory.msdA2();
    double[] b = spilled.msdA2();
    assertEquals(a.length, b.length);
    for (int m = 0; m < a.length; m++) {
      assertEquals(a[m], b[m], 1e-10 * Math.abs(a[m]), "lag " + m);
    }
    assertEquals(inMemory.diffusivity().value(), spilled.diffusivity().value(), 1e-10 * inMemory.diffusivity().value());
    assertEquals(inMemory.diffusivity().stdErr(), spilled.diffusivity().stdErr(), 1e-10 * inMemory.diffusivity().stdErr());
    assertArrayEquals(inMemory.ngp(), spilled.ngp(), 1e-10);
    List<Path> left = new ArrayList<>(tempFiles());
    left.removeAll(before);
    assertTrue(left.isEmpty(), "no temporary file is left: " + left);
  }
}
