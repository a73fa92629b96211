package gsvtrainer.audio;

import java.io.IOException;

/**
 * A mono signal's energy as sums of squared samples over consecutive blocks of a fixed length, the
 * input of the slicer's frame RMS. Blocks before the start or after the end of the signal read as zero.
 */
interface SquareSums {

    /** Samples per block. */
    int blockLength();

    /** Samples of the whole signal. */
    long samples();

    /** The sums of blocks {@code [first, first + count)}. */
    double[] read(long first, int count) throws IOException;
}
