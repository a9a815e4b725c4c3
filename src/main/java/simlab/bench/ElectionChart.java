package simlab.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * cdf.png as Figure 16 draws it: two panels, each the cumulative fraction of trials against the
 * time without a leader; the top one (varying randomness, 150-150 ... 150-300) on a logarithmic
 * time axis, the bottom one (scaling the minimum, 12-24 ... 150-300) linear. XChart has no
 * sub-plots, so the two charts are rendered and stacked into one image.
 */
final class ElectionChart {
  static final int WIDTH = 900;
  static final int PANEL_HEIGHT = 420;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ElectionChart() {}

  static void write(Path file, List<ElectionResult> results, String variant) throws IOException {
    XYChart top = panel("Figure 16, top: varying the randomness" + variant, true, results, "top");
    XYChart bottom =
        panel("Figure 16, bottom: scaling the minimum timeout" + variant, false, results, "bottom");
    BufferedImage a = BitmapEncoder.getBufferedImage(top);
    BufferedImage b = BitmapEncoder.getBufferedImage(bottom);
    BufferedImage out = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(a, 0, 0, null);
    g.drawImage(b, 0, PANEL_HEIGHT, null);
    g.dispose();
    ImageIO.write(out, "png", file.toFile());
  }

  private static XYChart panel(
      String title, boolean log, List<ElectionResult> results, String which) {
    XYChart c =
        new XYChartBuilder()
            .width(WIDTH)
            .height(PANEL_HEIGHT)
            .title(title)
            .xAxisTitle("time without leader (ms)")
            .yAxisTitle("cumulative percent")
            .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(100.0);
    c.getStyler().setYAxisDecimalPattern("0");
    c.getStyler().setYAxisTickMarkSpacingHint(45);
    c.getStyler().setXAxisLogarithmic(log);
    c.getStyler().setXAxisMin(log ? 100.0 : 0.0);
    c.getStyler().setXAxisMax(log ? 100_000.0 : 600.0);
    boolean any = false;
    for (ElectionResult r : results) {
      if (!r.line().panel().equals(which) || r.sortedMs().length == 0) {
        continue;
      }
      double[] ms = r.sortedMs();
      // a step CDF: at each sorted downtime the fraction rises by 1/n (censored trials never
      // arrive)
      int n = ms.length;
      int reached = n - r.censored();
      double[] xs = new double[2 * reached + 1];
      double[] ys = new double[2 * reached + 1];
      xs[0] = log ? Math.max(1, ms[0]) : 0;
      ys[0] = 0;
      for (int i = 0; i < reached; i++) {
        double x = log ? Math.max(1, ms[i]) : ms[i];
        xs[2 * i + 1] = x;
        ys[2 * i + 1] = 100.0 * i / n;
        xs[2 * i + 2] = x;
        ys[2 * i + 2] = 100.0 * (i + 1) / n;
      }
      if (reached == 0) {
        xs = new double[] {log ? 100_000.0 : 600.0};
        ys = new double[] {0};
      }
      XYSeries s = c.addSeries(r.line().label() + " ms", xs, ys);
      s.setMarker(SeriesMarkers.NONE);
      any = true;
    }
    if (!any) {
      XYSeries s = c.addSeries("(no line run)", new double[] {log ? 100.0 : 0.0}, new double[] {0});
      s.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }
}
