package simlab.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A translucent vertical band from x = {@code from} to x = {@code to} (data units) over the full
 * height of the plot: how a fault's interval is shaded. XChart has line, text and image annotations
 * but no filled region, so this one paints it with the same data-to-screen mapping the built-in
 * annotations use.
 */
final class BandAnnotation extends Annotation {
  private final double from;
  private final double to;
  private final Color color;

  BandAnnotation(double from, double to, Color color) {
    super(false);
    this.from = from;
    this.to = to;
    this.color = color;
  }

  @Override
  public void paint(Graphics2D g) {
    if (!isVisible) {
      return;
    }
    int x0 = Math.max(getXAxisScreenValue(from), getXAxisScreenValueForMin());
    int x1 = Math.min(getXAxisScreenValue(to), getXAxisScreenValueForMax());
    int yTop = getYAxisScreenValueForMax();
    int yBottom = getYAxisScreenValueForMin();
    if (x1 <= x0) {
      return;
    }
    Color before = g.getColor();
    g.setColor(color);
    g.fillRect(x0, Math.min(yTop, yBottom), x1 - x0, Math.abs(yBottom - yTop));
    g.setColor(before);
  }
}
