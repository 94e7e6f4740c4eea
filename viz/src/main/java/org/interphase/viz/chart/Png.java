package org.interphase.viz.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes PNG files that carry their resolution (the pHYs chunk), so that a word processor places them at their intended size. */
public final class Png {
  private Png() {}

  /**
   * Writes an image as PNG with its resolution.
   *
   * @param dpi dots per inch, stored as pixels per metre (PNG specification, pHYs chunk)
   * @throws IOException when the file cannot be written
   */
  public static void write(BufferedImage img, int dpi, Path file) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    ImageWriter w = writers.next();
    try (java.io.OutputStream raw = Files.newOutputStream(file); ImageOutputStream out = ImageIO.createImageOutputStream(raw)) {
      ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(img);
      IIOMetadata meta = w.getDefaultImageMetadata(type, w.getDefaultWriteParam());
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
      phys.setAttribute("pixelsPerUnitXAxis", perMetre);
      phys.setAttribute("pixelsPerUnitYAxis", perMetre);
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      root.appendChild(phys);
      meta.mergeTree("javax_imageio_png_1.0", root);
      w.setOutput(out);
      w.write(null, new IIOImage(img, null, meta), w.getDefaultWriteParam());
    } finally {
      w.dispose();
    }
  }
}
