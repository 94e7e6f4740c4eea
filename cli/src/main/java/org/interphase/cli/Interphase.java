package org.interphase.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.interphase.core.MalformedInputException;
import org.interphase.core.MissingInputException;
import org.interphase.core.UnsupportedFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of the {@code interphase} command. */
@Command(name = "interphase", mixinStandardHelpOptions = true, version = "interphase 0.1.0",
    description = "Post-processing of MD and NEB runs of solid-electrolyte interfaces: VASP, CP2K, LAMMPS dumps, extended XYZ, H5MD.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:failure", "2:bad usage", "3:malformed input (file:line: …)", "4:missing file"})
public final class Interphase implements java.util.concurrent.Callable<Integer> {
  /** Exit code for malformed input. */
  public static final int MALFORMED = 3;
  /** Exit code for a missing file. */
  public static final int MISSING = 4;

  @Spec
  CommandSpec spec;

  /** No command given: the usage on stderr, exit code 2 (bad usage). */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /**
   * The commands, in the order the usage lists them. Registered in code, not in the annotation, so that
   * a run of one command builds the option model of that command alone ({@link #commandLine(String)}):
   * picocli's reflection over all of them is about a tenth of a short run.
   */
  private static final List<String> COMMANDS = List.of("info", "msd", "arrhenius", "bonds", "rdf", "hops", "rotation", "vanhove",
      "interface", "neb", "render", "report", "demo", "campaign", "help");

  /** A new instance of the command {@code name} (a switch, not a table of lambdas: each lambda costs start-up time). */
  private static Object command(String name) {
    return switch (name) {
      case "info" -> new InfoCommand();
      case "msd" -> new MsdCommand();
      case "arrhenius" -> new ArrheniusCommand();
      case "bonds" -> new BondsCommand();
      case "rdf" -> new RdfCommand();
      case "hops" -> new HopsCommand();
      case "rotation" -> new RotationCommand();
      case "vanhove" -> new VanHoveCommand();
      case "interface" -> new InterfaceCommand();
      case "neb" -> new NebCommand();
      case "render" -> new RenderCommand();
      case "report" -> new ReportCommand();
      case "demo" -> new DemoCommand();
      case "campaign" -> new CampaignCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /** A configured command line with every command, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    return configure(new CommandLine(new Interphase()), COMMANDS);
  }

  /**
   * The command line for a run whose first argument is {@code first}: when that names a command
   * (other than help), only that command is registered, which parses and runs it exactly as the
   * full command line does; otherwise the full one.
   */
  static CommandLine commandLine(String first) {
    if (first == null || first.equals("help") || !COMMANDS.contains(first)) {
      return commandLine();
    }
    return configure(new CommandLine(new Interphase()), List.of(first));
  }

  /** Adds the commands {@code names} (subcommands first: the settings below reach only those present) and the handlers. */
  private static CommandLine configure(CommandLine cl, java.util.Collection<String> names) {
    for (String name : names) {
      CommandLine sub = new CommandLine(command(name));
      if (!sub.getCommandName().equals(name)) {
        throw new IllegalStateException("command " + sub.getCommandName() + " registered as " + name);
      }
      cl.addSubcommand(name, sub);
    }
    cl.setExecutionExceptionHandler(Interphase::handle);
    cl.setExitCodeExceptionMapper(Interphase::exitCode);
    cl.setParameterExceptionHandler(Interphase::badUsage);
    cl.setExecutionStrategy(parsed -> {
      OutputFolder.check(parsed);
      return new CommandLine.RunLast().execute(parsed);
    });
    // a class, not a method reference: JDK 17's class-data-sharing dump crashes on the lambda proxy of this one
    // (SystemDictionaryShared::adjust_lambda_proxy_class_dictionary), which bin/interphase would then leave out with all the others
    cl.registerConverter(Double.class, new FiniteDouble());
    cl.registerConverter(Double.TYPE, new FiniteDouble());
    return cl;
  }

  /** {@link #finiteDouble} as picocli's converter. */
  private static final class FiniteDouble implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return finiteDouble(text);
    }
  }

  /** Numbers on the command line are finite: NaN or Infinity is never a time step, temperature or charge. */
  static Double finiteDouble(String text) {
    double v;
    try {
      v = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a finite number");
    }
    return v;
  }

  /** Bad usage: one line naming the problem and where help is, exit 2 (no usage dump). */
  private static int badUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    String message = e.getMessage().strip().replace('\n', ' ')
        // picocli's own wording, made plain: no "Error:" prefix, no Java list of the values
        .replaceFirst("^Error: ", "").replaceFirst(": \\[[^\\]]*\\]$", "")
        .replaceFirst("^positional parameter at index \\S+ \\((\\w+)\\) requires at least (\\d+) values, but only (\\d+) (were|was) "
            + "specified$", "$1 needs at least $2 values, got $3")
        .replaceFirst("^Unmatched arguments? from index \\d+: ", "unexpected argument ")
        .replaceFirst("^Unmatched argument at index \\d+: ", "unexpected argument ");
    java.util.List<String> unknown = unknownOptions(cl.getCommandSpec(), args);
    if (!unknown.isEmpty()) {
      // an unknown option explains a "missing required option" that follows from it
      String u = unknown.get(0).replaceFirst("=.*", "");
      String near = nearestOption(cl.getCommandSpec(), u);
      message = "unknown option '" + u + "'" + (near == null ? "" : " (did you mean " + near + "?)");
    }
    err.println("interphase: " + message + " (see '" + name + " --help')");
    err.flush();
    return 2;
  }

  /** Arguments that look like options of {@code spec} but are none (values of known options skipped). */
  static java.util.List<String> unknownOptions(CommandSpec spec, String[] args) {
    java.util.List<String> unknown = new java.util.ArrayList<>();
    boolean inCommand = spec.parent() == null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!inCommand) {
        inCommand = a.equals(spec.name()) || spec.aliases().length > 0 && java.util.Arrays.asList(spec.aliases()).contains(a);
        continue;
      }
      if (!a.startsWith("-") || a.length() < 2 || Character.isDigit(a.charAt(1)) || a.charAt(1) == '.') {
        continue;
      }
      CommandLine.Model.OptionSpec o = spec.findOption(a.replaceFirst("=.*", ""));
      if (o == null) {
        unknown.add(a);
      } else if (!a.contains("=") && o.arity().max() > 0) {
        i++;
      }
    }
    return unknown;
  }

  /**
   * The option name closest to {@code given} by edit distance, or {@code null} when none is close; when none is close by
   * spelling, the options whose hyphen-separated words include every word of {@code given} (e.g. {@code --fit-ps} →
   * {@code --fit-start-ps or --fit-end-ps}).
   */
  static String nearestOption(CommandSpec spec, String given) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String g = given.toLowerCase(java.util.Locale.ROOT);
    List<String> sharingWords = new ArrayList<>();
    List<String> words = List.of(g.replaceFirst("^-+", "").split("-"));
    for (CommandLine.Model.OptionSpec o : spec.options()) {
      for (String n : o.names()) {
        String name = n.toLowerCase(java.util.Locale.ROOT);
        int d = editDistance(g, name);
        if (d < bestDistance) {
          bestDistance = d;
          best = n;
        }
        if (name.startsWith("--") && List.of(name.substring(2).split("-")).containsAll(words) && !sharingWords.contains(n)) {
          sharingWords.add(n);
        }
      }
    }
    if (bestDistance <= Math.max(2, given.length() / 3)) {
      return best;
    }
    return sharingWords.isEmpty() || sharingWords.size() > 3 ? null : String.join(" or ", sharingWords);
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine(args.length > 0 ? args[0] : null).execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("interphase: out of memory (the heap holds at most " + Runtime.getRuntime().maxMemory() / 1048576
          + " MB): give Java more, e.g. JAVA_TOOL_OPTIONS=-Xmx4g, or analyse fewer frames");
      code = 1;
    }
    System.exit(code);
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = parsed != null && parsed.expandedArgs().contains("--debug");
    err.println("interphase: " + message(e));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(e);
  }

  static String message(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return u.getMessage();
    }
    String m = e.getMessage();
    if (e instanceof org.interphase.core.MissingParameterException p && Hints.of(p) != null) {
      return m + "; " + Hints.of(p);
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }

  static int exitCode(Throwable e) {
    if (e instanceof CommandLine.ParameterException) {
      return 2;
    }
    if (e instanceof MalformedInputException) {
      return MALFORMED;
    }
    if (e instanceof MissingInputException) {
      return MISSING;
    }
    if (e instanceof UnsupportedFormatException || e instanceof IllegalArgumentException) {
      return 2;
    }
    return 1;
  }
}
