package simlab.netkv;

/**
 * A bad configuration file; the message names the file (and the line, when there is one) and what
 * was expected.
 */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }

  static ConfigException at(String file, int line, String problem) {
    return new ConfigException(file + ":" + line + ": " + problem);
  }

  static ConfigException in(String file, String problem) {
    return new ConfigException(file + ": " + problem);
  }
}
