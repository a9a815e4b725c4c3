package simlab.bench;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a virtual duration: {@code 60s}, {@code 1500ms}, or a bare number of seconds ({@code 60});
 * gives ms.
 */
final class MillisConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String s) {
    String t = s.trim();
    try {
      double v;
      if (t.endsWith("ms")) {
        v = Double.parseDouble(t.substring(0, t.length() - 2));
      } else if (t.endsWith("s")) {
        v = Double.parseDouble(t.substring(0, t.length() - 1)) * 1000;
      } else {
        v = Double.parseDouble(t) * 1000;
      }
      if (!(v >= 0) || v > 1e12) {
        throw new TypeConversionException(
            "expected a duration >= 0 such as 60s or 500ms, got '" + s + "'");
      }
      return Math.round(v);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "expected a duration such as 60s, 500ms or 60 (seconds), got '" + s + "'");
    }
  }
}
