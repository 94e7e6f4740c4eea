package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.interphase.core.Cell;
import org.interphase.testkit.SharedData;
import org.junit.jupiter.api.Test;

class RenderCommandTest {
  @Test
  void rendersAMotifAndAMigrationPath() throws Exception {
    Path root = SharedData.projectRoot();
    Path out = SharedData.scratch("render");
    InfoCommandTest.Run a = InfoCommandTest.run("render", root.resolve("examples/cp2k-li2s-s8-interface/aimd_interface-pos-1.xyz.xz").toString(),
        "--highlight", "motif:S chain", "--width", "400", "--height", "300", "-o", out.resolve("chain.png").toString());
    assertEquals(0, a.exit(), a.err());
    // bonds on this run: the S8 ring opens into a chain at frame 223 (0.446 ps)
    assertTrue(a.out().contains("first frame with S chain: 223"), a.out());
    BufferedImage img = ImageIO.read(out.resolve("chain.png").toFile());
    assertEquals(400, img.getWidth());
    assertEquals(300, img.getHeight());
    InfoCommandTest.Run b = InfoCommandTest.run("render", "--path", root.resolve("examples/cp2k-neb-li-hop").toString(), "-o",
        out.resolve("hop.png").toString());
    assertEquals(0, b.exit(), b.err());
    assertTrue(Files.size(out.resolve("hop.png")) > 10_000);
    assertEquals(2, InfoCommandTest.run("render", "--highlight", "nonsense:1", root.resolve("examples/cp2k-aimd-li3ps4").toString()).exit());
  }

  /**
   * Li6PS5Cl (kinisi's XDATCAR, 416 atoms), where the bond analysis finds 32 intact PS4: in the
   * scene file every P has exactly four S within 2.5 Å in the drawn coordinates, and every unit's
   * centre lies in the cell.
   */
  @Test
  void everyTetrahedronOfLi6ps5clIsDrawnWhole() throws Exception {
    Path xdatcar = SharedData.real("kinisi/example_XDATCAR.gz");
    Path out = SharedData.scratch("render-kinisi");
    InfoCommandTest.Run r = InfoCommandTest.run("render", xdatcar.toString(), "--frame", "0", "--width", "600", "--height", "480", "-o",
        out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.size(out.resolve("render.png")) > 10_000);
    JsonNode scene = Json.MAPPER.readTree(out.resolve("scene.json").toFile());
    JsonNode atoms = scene.get("atoms");
    assertEquals(416, atoms.size());
    List<double[]> p = new ArrayList<>();
    List<double[]> s = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      JsonNode a = atoms.get(i);
      assertEquals(i, a.get("index").asInt());
      double[] xyz = {a.get("position_a").get(0).asDouble(), a.get("position_a").get(1).asDouble(), a.get("position_a").get(2).asDouble()};
      if (a.get("element").asText().equals("P")) {
        p.add(xyz);
      } else if (a.get("element").asText().equals("S")) {
        s.add(xyz);
      }
    }
    assertEquals(32, p.size());
    double[][] cell = new double[3][3];
    for (int v = 0; v < 3; v++) {
      for (int k = 0; k < 3; k++) {
        cell[v][k] = scene.get("cell").get(v).get(k).asDouble();
      }
    }
    Cell lattice = Cell.ofRows(cell[0], cell[1], cell[2]);
    for (double[] phosphorus : p) {
      int near = 0;
      double[] centre = phosphorus.clone();
      for (double[] x : s) {
        double d = Math.sqrt((x[0] - phosphorus[0]) * (x[0] - phosphorus[0]) + (x[1] - phosphorus[1]) * (x[1] - phosphorus[1])
            + (x[2] - phosphorus[2]) * (x[2] - phosphorus[2]));
        if (d < 2.5) {
          near++;
          for (int k = 0; k < 3; k++) {
            centre[k] += x[k];
          }
        }
      }
      assertEquals(4, near, "S within 2.5 Å of the P at " + java.util.Arrays.toString(phosphorus));
      // the unit's geometric centre (P and its four S) lies in the cell: fractional coordinates in [0, 1)
      double[] f = lattice.toFractional(new double[] {centre[0] / 5, centre[1] / 5, centre[2] / 5}, new double[3]);
      for (double x : f) {
        assertTrue(x >= 0 && x < 1, "PS4 centre in the cell: " + java.util.Arrays.toString(f));
      }
    }
    assertEquals(3, scene.get("view").size());
    assertEquals(128, scene.get("bonds").size(), "the 128 P–S bonds drawn");
  }

  @Test
  void aNamedPictureGetsItsOwnSceneFileAndViewsAreChecked() throws Exception {
    Path root = SharedData.projectRoot();
    Path out = SharedData.scratch("render-named");
    InfoCommandTest.Run r = InfoCommandTest.run("render", root.resolve("examples/cp2k-aimd-li3ps4").toString(), "--view", "[1-10]",
        "--width", "300", "--height", "240", "-o", out.resolve("li3ps4.png").toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode scene = Json.MAPPER.readTree(out.resolve("li3ps4.scene.json").toFile());
    assertEquals("[1,-1,0]", scene.get("view_request").asText());
    assertEquals(2, InfoCommandTest.run("render", root.resolve("examples/cp2k-aimd-li3ps4").toString(), "--view", "sideways", "-o",
        out.resolve("x.png").toString()).exit());
  }
}
