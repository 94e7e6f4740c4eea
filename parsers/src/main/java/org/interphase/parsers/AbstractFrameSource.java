package org.interphase.parsers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import org.interphase.core.Frame;
import org.interphase.core.FrameSource;
import org.interphase.core.TruncatedInputException;
import org.interphase.core.Warning;

/**
 * Base of the streaming readers: subclasses implement {@link #readNext()} and this class provides
 * one-frame look-ahead, warnings and the truncation policy: a file that ends inside a frame keeps
 * every complete frame with a warning ({@code --strict}: an error), and is an error when not one
 * frame is complete.
 */
public abstract class AbstractFrameSource implements FrameSource {
  private final List<Warning> warnings = new ArrayList<>();
  private final boolean strict;
  private Frame pending;
  private boolean done;
  private long delivered;

  protected AbstractFrameSource(boolean strict) {
    this.strict = strict;
  }

  /** Reads the next complete frame, or returns {@code null} at the end of the file. */
  protected abstract Frame readNext();

  @Override
  public final boolean hasNext() {
    if (pending == null && !done) {
      try {
        pending = readNext();
      } catch (TruncatedInputException e) {
        // a file cut inside its first frame keeps nothing: that is an error even when a cut is otherwise tolerated
        if (strict || delivered == 0) {
          done = true;
          throw e;
        }
        warn(Warning.Input.INCOMPLETE, e.getMessage() + " (a running or killed job?); " + delivered + " complete frame"
            + (delivered == 1 ? "" : "s") + " kept");
        pending = null;
      }
      if (pending == null) {
        done = true;
        if (endedWithoutNewline()) {
          warn(Warning.Input.INCOMPLETE, "the file does not end with a line end: its last line may have been cut short while being written");
        }
      }
    }
    return pending != null;
  }

  @Override
  public final Frame next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Frame f = pending;
    pending = null;
    delivered++;
    return f;
  }

  /** Whether the file's last line had no line end; readers over text lines override this. */
  protected boolean endedWithoutNewline() {
    return false;
  }

  /** Records a warning for the user, of kind {@link Warning.Input#OTHER}. */
  protected final void warn(String message) {
    warn(Warning.Input.OTHER, message);
  }

  /** Records a warning of a kind; a text already recorded is not repeated. */
  protected final void warn(Warning.Kind kind, String message) {
    if (warnings.stream().noneMatch(w -> w.text().equals(message))) {
      warnings.add(new Warning(kind, message));
    }
  }

  @Override
  public final List<Warning> warnings() {
    return Collections.unmodifiableList(new ArrayList<>(warnings));
  }

  /** Whether the reader was asked to treat truncation as an error. */
  protected final boolean strict() {
    return strict;
  }
}
