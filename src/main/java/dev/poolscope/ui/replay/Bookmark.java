package dev.poolscope.ui.replay;

import java.util.Locale;

/** A moment of a replay marked for a tutorial, with the caption drawn on its picture. */
public record Bookmark(long atNs, String caption) {
    /**
     * The picture's file name: its number (from 1) and the caption in lower case with dashes,
     * as in {@code 01-start.png}, {@code 02-b-finishes.png}.
     */
    public String fileName(int number) {
        String slug = caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return String.format(Locale.ROOT, "%02d-%s.png", number, slug.isEmpty() ? "moment" : slug);
    }
}
