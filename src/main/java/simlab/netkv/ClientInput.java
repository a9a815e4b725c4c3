package simlab.netkv;

import java.util.Arrays;
import java.util.List;
import simlab.kv.Op;

/**
 * One line a user typed to the client: {@code put KEY VALUE}, {@code append KEY VALUE}, {@code get
 * KEY}, {@code delete KEY}, {@code status}, {@code help} or {@code exit}. A value is the rest of
 * the line after the key (inner spaces kept). Bad input gives a one-line reason through {@link
 * BadInput}.
 */
public record ClientInput(Kind kind, Op op, String key, String value) {
  public enum Kind {
    OPERATION,
    STATUS,
    HELP,
    EXIT,
    EMPTY
  }

  public static final String USAGE =
      "commands: put KEY VALUE | append KEY VALUE | get KEY | delete KEY | status "
          + "| help | exit";

  /** Bad input, with a message for the user. */
  public static final class BadInput extends Exception {
    public BadInput(String message) {
      super(message);
    }
  }

  public static ClientInput parse(String line) throws BadInput {
    String text = line.strip();
    if (text.isEmpty()) {
      return new ClientInput(Kind.EMPTY, null, null, null);
    }
    String[] head = text.split("\\s+", 3);
    String command = head[0];
    List<String> args = Arrays.asList(head).subList(1, head.length);
    return switch (command) {
      case "put" -> write(Op.PUT, command, args);
      case "append" -> write(Op.APPEND, command, args);
      case "get" -> keyOnly(Op.GET, command, text);
      case "delete", "del" -> keyOnly(Op.DELETE, command, text);
      case "status" -> noArgs(Kind.STATUS, command, args);
      case "help" -> noArgs(Kind.HELP, command, args);
      case "exit", "quit" -> noArgs(Kind.EXIT, command, args);
      default -> throw new BadInput("unknown command '" + command + "'; " + USAGE);
    };
  }

  private static ClientInput write(Op op, String command, List<String> args) throws BadInput {
    if (args.size() < 2) {
      throw new BadInput(
          command
              + ": expected "
              + command
              + " KEY VALUE, found "
              + args.size()
              + " argument"
              + (args.size() == 1 ? "" : "s"));
    }
    return new ClientInput(Kind.OPERATION, op, args.get(0), args.get(1));
  }

  private static ClientInput keyOnly(Op op, String command, String text) throws BadInput {
    String[] words = text.split("\\s+");
    if (words.length != 2) {
      throw new BadInput(
          command + ": expected " + command + " KEY, found " + (words.length - 1) + " arguments");
    }
    return new ClientInput(Kind.OPERATION, op, words[1], "");
  }

  private static ClientInput noArgs(Kind kind, String command, List<String> args) throws BadInput {
    if (!args.isEmpty()) {
      throw new BadInput(command + ": takes no arguments");
    }
    return new ClientInput(kind, null, null, null);
  }
}
