package simlab.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The three plots of a fault benchmark, drawn with XChart and saved as PNG. */
final class BenchCharts {
  static final int WIDTH = 1000;
  static final int HEIGHT = 480;
  private static final Color FAULT = new Color(230, 80, 60, 45);
  private static final Color OK = new Color(40, 100, 200);
  private static final Color FAILED = new Color(220, 40, 40);

  private BenchCharts() {}

  static {
    // A command-line benchmark never needs a display; without this, AWT on a server may try one.
    System.setProperty("java.awt.headless", "true");
  }

  /** Every operation: call time against latency, ok and failed in two colours, faults shaded. */
  static void latencyRaw(
      Path file, String title, List<OpRecord> ops, List<FaultWindow> faults, double seconds)
      throws IOException {
    XYChart c =
        base(
            title + ": latency of every operation",
            "time (virtual s, at the call)",
            "latency (ms)");
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(3);
    addScatter(c, "ok", ops, true, OK);
    addScatter(c, "failed (timed out)", ops, false, FAILED);
    finish(c, faults, seconds, file);
  }

  /** Per second: p50, p90, p99 and max latency of the successful operations ending in it. */
  static void latencyQuantiles(
      Path file, String title, double[][] q, List<FaultWindow> faults, double seconds)
      throws IOException {
    XYChart c = base(title + ": latency quantiles per second", "time (virtual s)", "latency (ms)");
    c.getStyler().setYAxisLogarithmic(true);
    String[] names = {"p50", "p90", "p99", "max"};
    for (int k = 0; k < names.length; k++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int s = 0; s < q.length; s++) {
        if (!Double.isNaN(q[s][k]) && q[s][k] > 0) {
          xs.add(s + 0.5);
          ys.add(q[s][k]);
        }
      }
      if (xs.isEmpty()) {
        xs.add(0.0);
        ys.add(1.0);
      }
      XYSeries series = c.addSeries(names[k], xs, ys);
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    finish(c, faults, seconds, file);
  }

  /** Per second: successful and failed operations ending in it. */
  static void rate(
      Path file, String title, long[][] perSecond, List<FaultWindow> faults, double seconds)
      throws IOException {
    XYChart c =
        base(title + ": operations per second", "time (virtual s)", "operations per second");
    double[] xs = new double[perSecond.length];
    double[] ok = new double[perSecond.length];
    double[] failed = new double[perSecond.length];
    for (int s = 0; s < perSecond.length; s++) {
      xs[s] = s + 0.5;
      ok[s] = perSecond[s][0];
      failed[s] = perSecond[s][1];
    }
    XYSeries a = c.addSeries("ok", xs, ok);
    a.setLineColor(OK);
    a.setMarkerColor(OK);
    XYSeries b = c.addSeries("failed", xs, failed);
    b.setLineColor(FAILED);
    b.setMarkerColor(FAILED);
    finish(c, faults, seconds, file);
  }

  private static XYChart base(String title, String x, String y) {
    XYChart c =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    c.getStyler().setAntiAlias(true);
    return c;
  }

  private static void addScatter(
      XYChart c, String name, List<OpRecord> ops, boolean ok, Color color) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (OpRecord o : ops) {
      if (o.ok() == ok) {
        xs.add(o.callNanos() / 1e9);
        ys.add(Math.max(0.01, o.latencyNanos() / 1e6));
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries s = c.addSeries(name, xs, ys);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
  }

  private static void finish(XYChart c, List<FaultWindow> faults, double seconds, Path file)
      throws IOException {
    c.getStyler().setXAxisMin(0.0);
    c.getStyler().setXAxisMax(seconds);
    for (FaultWindow w : faults) {
      c.addAnnotation(new BandAnnotation(w.startNanos() / 1e9, w.endNanos() / 1e9, FAULT));
    }
    if (!faults.isEmpty()) {
      // A legend entry for the bands: an invisible series in the band colour.
      XYSeries legend = c.addSeries("fault active", new double[] {0}, new double[] {Double.NaN});
      legend.setMarker(SeriesMarkers.SQUARE);
      legend.setMarkerColor(new Color(230, 80, 60, 120));
      legend.setLineColor(new Color(0, 0, 0, 0));
    }
    BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
