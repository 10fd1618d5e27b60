package dev.poolscope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;

/**
 * The timeline's drawing surface: a grid of small Canvas tiles instead of one big Canvas.
 *
 * <p>Why: the renderer repaints a changed Canvas node as a whole, and in the software pipeline
 * (Xvfb, remote desktops, many classroom PCs) painting a canvas costs about 50-80 ns per pixel.
 * One 1000x500 canvas therefore cost 40-70 ms per frame even when only the thin strip at "now"
 * had changed. With tiles, a frame touches only the few tiles that really changed (the column
 * around "now", a lane header whose state changed), so the repaint is a few tiles of 64x128
 * (narrower tiles repaint less per tile but cost more in number: see bench-ui).
 *
 * <p>The first column holds the lane headers and is exactly the header width; the plot columns
 * start where the plot starts. Each tile's GraphicsContext is translated so that the painter
 * draws in timeline coordinates; whatever falls outside a tile is clipped by its canvas.
 * Tiles are rebuilt only when the size or the header width changes.
 */
final class TimelineTiles {
    static final int TILE_W = 64;
    static final int TILE_H = 128;

    /** One tile: its canvas and the timeline area it covers, [x0, x1) x [y0, y1). */
    static final class Tile {
        final Canvas canvas;
        final GraphicsContext g;
        final CanvasPen pen;
        final double x0;
        final double y0;
        final double x1;
        final double y1;
        final boolean header;
        /** The parts to repaint in the next frame (see {@link DirtyRects}). */
        final DirtyRects dirty = new DirtyRects();

        Tile(double x0, double y0, double x1, double y1, boolean header) {
            this.x0 = x0;
            this.y0 = y0;
            this.x1 = x1;
            this.y1 = y1;
            this.header = header;
            canvas = new Canvas(x1 - x0, y1 - y0);
            canvas.setManaged(false);
            canvas.relocate(x0, y0);
            g = canvas.getGraphicsContext2D();
            g.setTransform(1, 0, 0, 1, -x0, -y0);
            pen = new CanvasPen(g);
        }

        boolean intersectsX(double from, double to) {
            return to >= x0 && from < x1;
        }

        boolean intersectsY(double from, double to) {
            return to > y0 && from < y1;
        }

        /** Adds a rectangle (timeline coordinates) to the parts to repaint, cut to the tile. */
        void mark(double fromX, double fromY, double toX, double toY) {
            dirty.add(Math.max(x0, fromX), Math.max(y0, fromY), Math.min(x1, toX), Math.min(y1, toY));
        }

        void markAll() {
            dirty.clear();
            dirty.add(x0, y0, x1, y1);
        }

        /** Whether the one part to repaint is the whole tile. */
        boolean wholeDirty() {
            return dirty.count() == 1 && dirty.x0(0) == x0 && dirty.y0(0) == y0 && dirty.x1(0) == x1 && dirty.y1(0) == y1;
        }
    }

    private final Pane layer;
    private final List<Tile> tiles = new ArrayList<>();
    private double width = -1;
    private double height = -1;
    private double headerWidth = -1;
    private long version;

    TimelineTiles(Pane layer) {
        this.layer = layer;
    }

    /** Matches the grid to the size; returns true when the tiles were rebuilt (all blank). */
    boolean fit(double w, double h, double hw) {
        double cw = Math.max(1, Math.ceil(w));
        double ch = Math.max(1, Math.ceil(h));
        if (cw == width && ch == height && hw == headerWidth) {
            return false;
        }
        width = cw;
        height = ch;
        headerWidth = hw;
        version++;
        tiles.clear();
        List<Canvas> canvases = new ArrayList<>();
        for (double y = 0; y < ch; y += TILE_H) {
            double y1 = Math.min(ch, y + TILE_H);
            tiles.add(new Tile(0, y, Math.min(hw, cw), y1, true));
            for (double x = hw; x < cw; x += TILE_W) {
                tiles.add(new Tile(x, y, Math.min(cw, x + TILE_W), y1, false));
            }
        }
        for (Tile t : tiles) {
            canvases.add(t.canvas);
        }
        layer.getChildren().setAll(canvases);
        return true;
    }

    List<Tile> all() {
        return tiles;
    }

    /** Changes whenever the tiles are rebuilt. */
    long version() {
        return version;
    }
}
