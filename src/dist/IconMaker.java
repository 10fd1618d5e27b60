import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the PoolScope icon at every size the window and desktops ask for, into the resources.
 * Run once when the design changes and commit the PNGs (the build does not run it):
 * {@code java -Djava.awt.headless=true src/dist/IconMaker.java src/main/resources/dev/poolscope/ui/app/icons}
 *
 * The picture is the app in miniature: three worker lanes on a dark tile, each with task bars in
 * the timeline's Okabe-Ito colours, and the magenta "now" line. Every size is drawn from the same
 * 16-unit grid (no downscaling), so the 16 px icon stays crisp: bars land on whole pixels.
 */
public final class IconMaker {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final Color TILE = new Color(0x1f2a44);
    private static final Color LANE = new Color(0x2b3958);
    private static final Color NOW = new Color(0xff5cc6);
    /** Per lane: {start, end, colour} in units of a 16-unit grid; x from 2 to 14. */
    private static final int[][][] BARS = {
        {{2, 9, 0xE69F00}, {10, 14, 0x56B4E9}},
        {{2, 5, 0x009E73}, {6, 8, 0xF0E442}, {9, 12, 0xD55E00}},
        {{2, 6, 0x0072B2}, {7, 13, 0xCC79A7}},
    };
    private static final int[] LANE_TOP = {3, 7, 11};
    private static final int LANE_HEIGHT = 3;

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : ".");
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        for (int size : SIZES) {
            File file = new File(dir, "poolscope-" + size + ".png");
            ImageIO.write(draw(size), "png", file);
            System.out.println("wrote " + file);
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double u = size / 16.0;
        double arc = 4 * u;
        g.setColor(TILE);
        g.fill(new RoundRectangle2D.Double(0, 0, size, size, arc, arc));
        for (int lane = 0; lane < BARS.length; lane++) {
            double y = LANE_TOP[lane] * u;
            double h = LANE_HEIGHT * u;
            if (size >= 64) {
                // The lane's track: visible only where there is room for it.
                g.setColor(LANE);
                g.fill(new RoundRectangle2D.Double(1.5 * u, y - 0.25 * u, 13 * u, h + 0.5 * u, u, u));
            }
            for (int[] bar : BARS[lane]) {
                g.setColor(new Color(bar[2]));
                boolean large = size >= 64; // small sizes keep every edge on a whole pixel
                double inset = large ? 0.15 * u : 0;
                g.fill(new RoundRectangle2D.Double(bar[0] * u + inset, y, (bar[1] - bar[0]) * u - 2 * inset, h,
                        large ? 0.8 * u : 0, large ? 0.8 * u : 0));
            }
        }
        g.setColor(NOW);
        float width = (float) Math.max(1, Math.round(0.75 * u));
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double x = Math.round(12.5 * u - width / 2) + width / 2.0;
        g.draw(new Line2D.Double(x, 1.75 * u, x, 14.25 * u));
        g.dispose();
        return image;
    }
}
