package simlab.grading;

/**
 * Reading option values for grade and replay: every error names the option and the bad
 * value ({@code --seed needs an integer, got 'abc'}), never a bare NumberFormatException.
 */
final class Args {
  private Args() {
  }

  /** The value after option {@code args[i - 1]}; an error naming the option when there is none. */
  static String value(String[] args, int i, String opt) {
    if (i >= args.length || (args[i].startsWith("--") && args[i].length() > 2)) {
      throw new IllegalArgumentException(opt + " needs a value");
    }
    return args[i];
  }

  static long integer(String opt, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(opt + " needs an integer, got '" + v + "'");
    }
  }

  static int positive(String opt, String v) {
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(opt + " needs a positive integer, got '" + v + "'");
    }
  }
}
