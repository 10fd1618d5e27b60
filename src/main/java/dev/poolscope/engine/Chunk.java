package dev.poolscope.engine;

/** Tasks handed to one worker as one unit, as {@code Pool.map} hands out a chunk. */
record Chunk(int number, int[] indexes, TaskSpec[] tasks) {
    int size() {
        return indexes.length;
    }
}
