package simlab.explore;

/**
 * One word of a printed command, quoted so that pasting the command into a POSIX shell passes it
 * unchanged: a nested class name ({@code BrokenShardKv1$PublishFirst}) would otherwise lose its
 * {@code $...} to variable expansion, and a path with a space would split in two.
 */
public final class ShellWord {
  private ShellWord() {}

  public static String quote(String word) {
    if (!word.isEmpty()
        && word.chars()
            .allMatch(c -> Character.isLetterOrDigit(c) || "._-=/:,+@".indexOf(c) >= 0)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
