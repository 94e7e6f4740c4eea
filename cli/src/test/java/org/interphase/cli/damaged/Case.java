package org.interphase.cli.damaged;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One damaged or hostile variant: how it is made from the undamaged originals, which commands run
 * on it, and what must happen (the expectation {@link #kind}, as in the script's {@code @case}).
 *
 * <p>Expectation kinds: {@code legit}, {@code malformed}, {@code legit_or_malformed},
 * {@code truncated}, {@code truncated_or_malformed}, {@code warn_or_malformed},
 * {@code warn_or_fail:CODES}, {@code fail:CODES}, {@code zero_frames}, {@code frames:N},
 * {@code ok_or_fail}; {@link Verdicts} says what each accepts.
 */
final class Case {
  /** Makes the variant under a fresh case folder; returns the path(s) given to the CLI (three for the interface families). */
  @FunctionalInterface
  interface Maker {
    List<Path> make(Path dir) throws IOException;
  }

  /** What feeds a FIFO variant while the CLI reads it. */
  enum Feed { NONE, ONCE, ENDLESS }

  /** Where {@code --out} points. */
  enum Out { NORMAL, UNICODE, READONLY, EXISTING_FILE, DISK_FULL }

  final String name;
  final String group;
  final String fam;
  final String kind;
  final String desc;
  final Maker maker;
  Set<String> extra = Set.of();
  double tol = 1e-7;
  int timeoutS = 120;
  Set<String> only;
  Map<String, String> kinds = Map.of();
  Integer expect;
  boolean strict;
  boolean noline;
  String rc0;
  Pattern msg;
  Feed feed = Feed.NONE;
  Out out = Out.NORMAL;
  UnaryOperator<List<String>> argv = UnaryOperator.identity();
  boolean heavy;

  Case(String name, String group, String fam, String kind, String desc, Maker maker) {
    this.name = name;
    this.group = group;
    this.fam = fam;
    this.kind = kind;
    this.desc = desc;
    this.maker = maker;
  }

  /** Also runs {@code bonds} (the script's {@code extra=('bonds',)}). */
  Case bonds() {
    extra = Set.of("bonds");
    return this;
  }

  /** Runs only the commands with these labels. */
  Case only(String... labels) {
    only = Set.of(labels);
    return this;
  }

  Case tol(double t) {
    tol = t;
    return this;
  }

  Case timeout(int seconds) {
    timeoutS = seconds;
    return this;
  }

  /** Another expectation for the command with this label. */
  Case kindFor(String label, String k) {
    kinds = Map.of(label, k);
    return this;
  }

  /** The number of complete frames a truncated file must keep. */
  Case expect(int frames) {
    expect = frames;
    return this;
  }

  /** Also runs {@code info --json --strict}, which must exit 3. */
  Case strict() {
    strict = true;
    return this;
  }

  /** The error line may lack the {@code :line} part (empty, binary, corrupt archives: no line to name). */
  Case noline() {
    noline = true;
    return this;
  }

  /** The verdict when a malformed file gives exit 0 with a result that differs. */
  Case rc0(String verdict) {
    rc0 = verdict;
    return this;
  }

  /** A failing run's message must match this. */
  Case msg(String regex) {
    msg = Pattern.compile(regex);
    return this;
  }

  Case feed(Feed f) {
    feed = f;
    return this;
  }

  Case out(Out o) {
    out = o;
    return this;
  }

  /** Edits the command line (usage cases). */
  Case argv(UnaryOperator<List<String>> edit) {
    argv = edit;
    return this;
  }

  /** Marks a case that would take GBs if a reader did not refuse it early (its peak heap is reported). */
  Case heavy() {
    heavy = true;
    return this;
  }

  @Override
  public String toString() {
    return name + " [" + kind + "]: " + desc;
  }
}
