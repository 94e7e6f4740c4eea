package org.interphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
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
}
