package dev.poolscope.cli;

import picocli.CommandLine.Option;

/** The size of a picture ({@code render}, {@code run --png}): the same options, bounds and defaults. */
final class PictureSize {
    @Option(names = "--width", paramLabel = "W", defaultValue = "1200", description = "the picture's width in points (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "520", description = "the picture's height in points (default ${DEFAULT-VALUE})")
    int height;
}
