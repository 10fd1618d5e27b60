package dev.poolscope.ui.export;

import dev.poolscope.files.AtomicFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;

/** Images to files: PNG through javax.imageio, written whole or not at all. */
public final class ImageFiles {
    private ImageFiles() {}

    /** The pixels of a JavaFX image as an opaque RGB image (no AWT toolkit needed). */
    public static BufferedImage toRgb(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFile.writeBinary(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java");
            }
        });
    }
}
