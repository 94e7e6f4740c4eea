package org.interphase.analysis.bonds;

/**
 * Where bond events are located along the interface normal: nowhere, in slabs found from the
 * first frame's composition along z ({@link Layers#automatic}), or in given slabs.
 */
public sealed interface LayerSpec permits LayerSpec.None, LayerSpec.Automatic, LayerSpec.Given {

  /** No layers: events carry no layer. */
  LayerSpec NONE = new None();

  /** Layers found along z from the first frame. */
  LayerSpec AUTOMATIC = new Automatic();

  /** The slabs for a trajectory whose first frame's atoms and positions are known; null for {@link None}. */
  default Layers resolve(org.interphase.core.AtomTable atoms, org.interphase.core.Frame first) {
    if (this instanceof Given g) {
      return g.layers();
    }
    return this instanceof Automatic ? Layers.automatic(atoms, first, 2) : null;
  }

  /** No layers. */
  record None() implements LayerSpec {}

  /** Found from the first frame's composition along z. */
  record Automatic() implements LayerSpec {}

  /** Given slabs. */
  record Given(Layers layers) implements LayerSpec {
    public Given {
      java.util.Objects.requireNonNull(layers, "layers");
    }
  }

  /**
   * Parses {@code auto} or slabs such as {@code z=0:10,10:20} ({@link Layers#parse}).
   *
   * @throws IllegalArgumentException for text that is neither
   */
  static LayerSpec parse(String text) {
    return text.strip().equalsIgnoreCase("auto") ? AUTOMATIC : new Given(Layers.parse(text));
  }
}
