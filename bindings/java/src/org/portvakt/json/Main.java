package org.portvakt.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.portvakt.Decision;
import org.portvakt.InvalidInputException;
import org.portvakt.Portvakt;

/**
 * The command line of the jar ({@code java -jar portvakt-VERSION.jar}), as the Python command
 * {@code portvakt} has it:
 *
 * <pre>
 *   check [-v] FILE|DIR|-...   run the decision vectors of RULES.md section 10; prints
 *                              "N passed, N failed"; a directory stands for its *.json files
 *                              (recursed, sorted, each directory's files before its
 *                              subdirectories). Of the questions of tests/conformance/beyond/
 *                              ("question"), who and timeline are answered; advise, plan and
 *                              may, and the audit cases (an object with "log"), are skipped
 *                              with a "skip" line: the Python runner checks them.
 *   eval [FILE|-]              one request -> its decision as JSON
 *   version                    the version
 * </pre>
 *
 * Exit status: 0 done (every vector passed), 1 a vector failed, 2 the input or an argument
 * cannot be used (one line on standard error names the field or the problem; never a stack
 * trace).
 */
public final class Main {
  private static final String PROG = "portvakt";

  /** Input that cannot be used: one line, exit status 2. */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    int status = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command line; returns the exit status. */
  public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    try {
      String usage = "usage: java -jar portvakt-" + Portvakt.version()
          + ".jar check [-v] FILE|DIR|-... | eval [FILE|-] | version";
      if (args.length == 0) {
        throw new UsageError(usage);
      }
      if (args[0].equals("-h") || args[0].equals("--help")) {
        out.println(usage);
        return 0;
      }
      return switch (args[0]) {
        case "check" -> check(List.of(args).subList(1, args.length), stdin, out);
        case "eval" -> eval(List.of(args).subList(1, args.length), stdin, out);
        case "version", "--version" -> {
          out.println(Portvakt.version());
          yield 0;
        }
        default -> throw new UsageError("unknown command '" + oneLine(args[0])
            + "' (check, eval, version)");
      };
    } catch (UsageError e) {
      err.println(PROG + ": " + oneLine(e.getMessage()));
      return 2;
    } catch (OutOfMemoryError e) {
      err.println(PROG + ": out of memory");
      return 2;
    } catch (RuntimeException | LinkageError e) {
      err.println(PROG + ": internal error: " + oneLine(String.valueOf(e)));
      return 2;
    }
  }

  /** 'text' on one line: control characters and lone surrogates escaped. */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        out.append(String.format("\\x%02x", (int) c));
      } else if (Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String name(String source) {
    return source.equals("-") ? "standard input" : source;
  }

  private static Object read(String source, InputStream stdin) throws UsageError {
    try (InputStream in = source.equals("-") ? stdin : Files.newInputStream(Path.of(source))) {
      return JsonText.read(in);
    } catch (NoSuchFileException e) {
      throw new UsageError(name(source) + ": No such file or directory");
    } catch (IOException e) {
      throw new UsageError(name(source) + ": " + e.getMessage());
    } catch (java.nio.file.InvalidPathException e) {
      throw new UsageError(name(source) + ": not a file name");
    } catch (JsonText.Refused e) {
      throw new UsageError(name(source) + ": " + e.getMessage());
    }
  }

  private static int eval(List<String> args, InputStream stdin, PrintStream out) throws UsageError {
    if (args.size() > 1) {
      throw new UsageError("eval takes one FILE");
    }
    String source = args.isEmpty() ? "-" : args.get(0);
    Object value = read(source, stdin);
    if (!(value instanceof JsonText.Obj)) {
      throw new UsageError(name(source) + ": must be a JSON object (a request), not " + Formats.type(value));
    }
    Vectors.Request request;
    try {
      request = Vectors.requestFile(value);
    } catch (InvalidInputException e) {
      throw new UsageError(name(source) + ": " + e.field() + ": " + e.detail());
    }
    if (request.error() != null) {
      throw new UsageError(name(source) + ": " + request.error().field() + ": " + request.error().detail());
    }
    Decision d;
    try {
      d = Portvakt.evaluate(request.citizen(), request.actor(), request.service(), request.on());
    } catch (InvalidInputException e) {
      throw new UsageError(name(source) + ": " + e.field() + ": " + e.detail());
    }
    out.println(Json.pretty(Json.decision(d)));
    return 0;
  }

  /** The vector files of 'paths' (a directory: its *.json files, recursed). */
  static List<String> files(List<String> paths) throws UsageError {
    List<String> out = new ArrayList<>();
    for (String path : paths) {
      Path p = Path.of(path);
      if (path.equals("-") || !Files.isDirectory(p)) {
        out.add(path);
        continue;
      }
      List<String> found = new ArrayList<>();
      walk(p, found);
      if (found.isEmpty()) {
        throw new UsageError(path + ": no .json files");
      }
      out.addAll(found);
    }
    return out;
  }

  private static void walk(Path dir, List<String> found) throws UsageError {
    List<Path> files = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String n = p.getFileName().toString();
        if (Files.isDirectory(p)) {
          if (!n.startsWith(".")) {
            dirs.add(p);
          }
        } else if (n.endsWith(".json")) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new UsageError(dir + ": " + e.getMessage());
    }
    files.sort(null);
    dirs.sort(null);
    for (Path f : files) {
      found.add(f.toString());
    }
    for (Path d : dirs) {
      walk(d, found);
    }
  }

  private static int check(List<String> args, InputStream stdin, PrintStream out) throws UsageError {
    boolean verbose = false;
    List<String> paths = new ArrayList<>();
    for (String a : args) {
      if (a.equals("-v") || a.equals("--verbose")) {
        verbose = true;
      } else if (a.startsWith("-") && !a.equals("-")) {
        throw new UsageError("check: unknown option " + a);
      } else {
        paths.add(a);
      }
    }
    if (paths.isEmpty()) {
      throw new UsageError("check needs FILE, DIR or -");
    }
    int passed = 0;
    int failed = 0;
    for (String path : files(paths)) {
      Object data = read(path, stdin);
      if (data instanceof JsonText.Obj o && o.members.containsKey("log")) {
        out.println("skip " + name(path) + ": an audit case (H5): the Python runner checks it");
        continue;
      }
      if (!(data instanceof List<?> items)) {
        throw new UsageError(name(path) + ": file: a vector file must hold an array, not "
            + Formats.type(data));
      }
      // Read every vector of the file first (a broken one makes the file unusable), then run.
      List<Object> vectors = new ArrayList<>();
      int index = 0;
      for (Object item : items) {
        String at = "[" + index++ + "]";
        if (!(item instanceof JsonText.Obj v)) {
          throw new UsageError(name(path) + ": " + at + ": a vector must be an object, not " + Formats.type(item));
        }
        try {
          if (!v.members.containsKey("question")) {
            vectors.add(Vectors.vector(v, at));
          } else if (Questions.answers(v.members.get("question"))) {
            vectors.add(v);
          } else {
            Object n = v.members.get("name");
            vectors.add("skip " + (n instanceof String s ? s : "?") + " (" + name(path) + " " + at
                + "): the question '" + v.members.get("question") + "': the Python runner checks it");
          }
        } catch (Vectors.Broken e) {
          throw new UsageError(name(path) + ": " + e.getMessage());
        }
      }
      for (int i = 0; i < vectors.size(); i++) {
        Object item = vectors.get(i);
        if (item instanceof String skip) {
          out.println(skip);
          continue;
        }
        String where = "(" + name(path) + " [" + i + "])";
        String vectorName;
        String input = null;
        List<Vectors.Difference> differences;
        if (item instanceof Vectors.Vector vector) {
          vectorName = vector.name();
          differences = vector.differences();
          if (vector.request().error() != null) {
            input = vector.request().error().field() + ": " + vector.request().error().detail();
          }
        } else {
          Questions.Result result;
          try {
            result = Questions.run((JsonText.Obj) item, "[" + i + "]");
          } catch (Vectors.Broken e) {
            throw new UsageError(name(path) + ": " + e.getMessage());
          }
          vectorName = result.name();
          differences = result.differences();
        }
        if (differences.isEmpty()) {
          passed++;
          if (verbose) {
            out.println("ok   " + vectorName + " " + where);
          }
        } else {
          failed++;
          out.println("FAIL " + vectorName + " " + where);
          if (input != null) {
            out.println("  input: " + input);
          }
          for (Vectors.Difference d : differences) {
            out.println("  " + d);
          }
        }
      }
    }
    out.println(passed + " passed, " + failed + " failed");
    return failed > 0 ? 1 : 0;
  }
}
