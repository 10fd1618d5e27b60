package dev.poolscope.ui.export;

import dev.poolscope.ui.replay.Bookmark;
import dev.poolscope.ui.replay.ReplayRun;
import dev.poolscope.ui.timeline.Palette;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay's bookmarks as numbered PNGs with their captions drawn on ({@code 01-start.png},
 * {@code 02-b-finishes.png}, ...): the steps of a tutorial. FX thread.
 */
public final class BookmarkExport {
    private BookmarkExport() {}

    /** Writes one picture per bookmark, in time order, into {@code dir}; returns the files. */
    public static List<Path> write(ReplayRun run, List<Bookmark> bookmarks, Path dir, int width, int height,
                                   double scale, Palette palette, double textScale) throws IOException {
        Files.createDirectories(dir);
        List<Bookmark> ordered = new ArrayList<>(bookmarks);
        ordered.sort((a, b) -> Long.compare(a.atNs(), b.atNs()));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Bookmark b = ordered.get(i);
            Path file = dir.resolve(b.fileName(i + 1));
            ImageFiles.writePng(ImageFiles.toRgb(TimelineImage.withCaption(RunMoment.of(run, b.atNs()),
                    (i + 1) + ". " + b.caption(), width, height, scale, palette, textScale)), file);
            files.add(file);
        }
        return files;
    }
}
