package org.interphase.parsers.cp2k;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which records of a CP2K file to keep when its step numbers repeat or go back, decided from the
 * step numbers alone (a cheap first pass over the file), so that the reading pass can stream.
 *
 * <p>CP2K appends a restarted run to the same {@code -pos-}, {@code -frc-}, {@code -vel-}, {@code
 * .ener} and {@code .cell} files: the steps go back to the restart point and the steps after it are
 * written again. The rule is the one of a restart: a record whose step is not larger than the step
 * before it starts a new segment, and every earlier record at that step or later is superseded (the
 * same step written again is <i>replaced</i>; a later step of the abandoned segment is
 * <i>dropped</i>). What is kept is one record per step, steps strictly increasing, each the latest
 * occurrence of its step. A record duplicated in place is replaced by its copy; two records swapped
 * lose the first of them (a gap that {@link #gaps()} reports).
 *
 * <pre>{@code
 * steps in the file   0 1 2 3 4 5 | 3 4 5 6 7     (restart from step 3 appended)
 * kept                0 1 2       | 3 4 5 6 7     3 replaced, 0 dropped, 1 backward jump
 * }</pre>
 */
final class StepOrder {
  private final long[] steps;
  private final boolean[] kept;
  private final int keptCount;
  private final int replaced;
  private final int dropped;
  private final int backwardJumps;
  private final int firstBackwardRecord;

  private StepOrder(long[] steps, boolean[] kept, int keptCount, int replaced, int dropped, int backwardJumps, int firstBackward) {
    this.steps = steps;
    this.kept = kept;
    this.keptCount = keptCount;
    this.replaced = replaced;
    this.dropped = dropped;
    this.backwardJumps = backwardJumps;
    this.firstBackwardRecord = firstBackward;
  }

  /**
   * Decides which of the records to keep.
   *
   * @param steps step number of every record in file order (not modified)
   */
  static StepOrder of(long[] steps) {
    int n = steps.length;
    boolean[] kept = new boolean[n];
    int[] stack = new int[n];
    int top = 0;
    int replaced = 0;
    int dropped = 0;
    int jumps = 0;
    int firstBack = -1;
    for (int k = 0; k < n; k++) {
      long s = steps[k];
      if (top > 0 && steps[stack[top - 1]] >= s) {
        jumps++;
        if (firstBack < 0) {
          firstBack = k;
        }
        while (top > 0 && steps[stack[top - 1]] >= s) {
          kept[stack[--top]] = false;
        }
      }
      stack[top++] = k;
      kept[k] = true;
    }
    // a superseded record is replaced when a kept record has its step, dropped otherwise
    long[] keptSteps = new long[top];
    for (int i = 0; i < top; i++) {
      keptSteps[i] = steps[stack[i]];
    }
    for (int k = 0; k < n; k++) {
      if (!kept[k]) {
        if (Arrays.binarySearch(keptSteps, steps[k]) >= 0) {
          replaced++;
        } else {
          dropped++;
        }
      }
    }
    return new StepOrder(steps.clone(), kept, top, replaced, dropped, jumps, firstBack);
  }

  /** Whether record {@code k} (0-based, file order) is kept; records past the scanned ones are kept. */
  boolean kept(long k) {
    return k >= kept.length || kept[(int) k];
  }

  /** Number of records scanned. */
  int records() {
    return steps.length;
  }

  /** Number of records kept. */
  int keptCount() {
    return keptCount;
  }

  /** Records replaced by a later record of the same step. */
  int replaced() {
    return replaced;
  }

  /** Records of an abandoned segment: superseded by a restart from an earlier step, with no later copy. */
  int dropped() {
    return dropped;
  }

  /** How many times the step went back or repeated. */
  int backwardJumps() {
    return backwardJumps;
  }

  /** Whether every record is kept (steps strictly increasing). */
  boolean inOrder() {
    return backwardJumps == 0;
  }

  /** Index of the first record whose step is not larger than the one before; -1 when none. */
  int firstBackwardRecord() {
    return firstBackwardRecord;
  }

  /** Step of record {@code k}. */
  long step(int k) {
    return steps[k];
  }

  /** The step before the first backward record (the largest step kept at that point). */
  long stepBeforeFirstBackward() {
    return firstBackwardRecord > 0 ? steps[firstBackwardRecord - 1] : Long.MIN_VALUE;
  }

  /** The kept steps, increasing. */
  long[] keptSteps() {
    long[] out = new long[keptCount];
    int j = 0;
    for (int k = 0; k < steps.length; k++) {
      if (kept[k]) {
        out[j++] = steps[k];
      }
    }
    return out;
  }

  /**
   * One sentence for the user, e.g. {@code "the step numbers go back 1 time (first: step 7 after
   * step 10; a restart appended to the same file?): 4 frames were replaced by later ones of the same
   * step; one per step is kept, the latest (15 of 19)"}; null when the steps increase throughout.
   *
   * @param what the records' name in the plural, e.g. "frames" or ".ener rows" (the singular drops the last "s")
   */
  String describe(String what) {
    if (inOrder()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "the step numbers go back %d time%s (first: step %d after step %d; a restart appended to "
        + "the same file?): ", backwardJumps, backwardJumps == 1 ? "" : "s", steps[firstBackwardRecord], stepBeforeFirstBackward()));
    String one = what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
    sb.append(replaced).append(' ').append(replaced == 1 ? one + " was" : what + " were").append(" replaced by a later one of the same step");
    if (dropped > 0) {
      sb.append(" and ").append(dropped).append(" of an abandoned segment dropped");
    }
    sb.append("; one per step is kept, the latest (").append(keptCount).append(" of ").append(steps.length).append(')');
    return sb.toString();
  }

  /** A stretch of missing steps between two kept records. */
  record Gap(long after, long before, long strideSteps) {
    long missing() {
      return (before - after) / strideSteps - 1;
    }
  }

  /** The most common difference between consecutive kept steps (1 with fewer than two records). */
  static long stride(long[] keptSteps) {
    if (keptSteps.length < 2) {
      return 1;
    }
    long[] d = new long[keptSteps.length - 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = keptSteps[i + 1] - keptSteps[i];
    }
    Arrays.sort(d);
    long best = d[0];
    int bestRun = 0;
    int run = 0;
    for (int i = 0; i < d.length; i++) {
      run = i > 0 && d[i] == d[i - 1] ? run + 1 : 1;
      if (run > bestRun) {
        bestRun = run;
        best = d[i];
      }
    }
    return best;
  }

  /** Places where the kept steps advance by more than the common stride. */
  java.util.List<Gap> gaps() {
    long[] k = keptSteps();
    long stride = stride(k);
    java.util.List<Gap> out = new java.util.ArrayList<>();
    for (int i = 1; i < k.length; i++) {
      if (k[i] - k[i - 1] > stride) {
        out.add(new Gap(k[i - 1], k[i], stride));
      }
    }
    return out;
  }
}
