package dev.poolscope.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli's parse errors in PoolScope's voice ({@link BadInput}): the option first, then what is
 * wrong and what to do, in one line ("--pool: must be a whole number, got 'two'") instead of
 * picocli's "Invalid value for option '--pool': 'two' is not an int".
 */
final class UsageMessages {
    private UsageMessages() {}

    private static final Pattern INVALID_VALUE = Pattern.compile(
            "Invalid value for (?:option|positional parameter) '?([^':]+?)'?: (.*)", Pattern.DOTALL);
    private static final Pattern NOT_A = Pattern.compile("'(.*)' is not an? (int|long|double|float)", Pattern.DOTALL);
    private static final Pattern MISSING_VALUE = Pattern.compile(
            "Missing required parameter for option '([^']+)' \\((.*)\\)", Pattern.DOTALL);
    private static final Pattern EXPECTED_VALUE = Pattern.compile(
            "Expected parameter for option '([^']+)' but found '(.*)'", Pattern.DOTALL);
    private static final Pattern TWICE = Pattern.compile("option '([^']+)' \\((.*)\\) should be specified only once.*",
            Pattern.DOTALL);

    /** The one line to print after the command's name ({@code help} is the command's --help hint). */
    static String describe(CommandLine.ParameterException ex, String help) {
        CommandLine where = ex.getCommandLine();
        String m = ex.getMessage() == null ? "" : ex.getMessage().replace('\n', ' ').trim();
        Matcher x;
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            List<String> near = u.getSuggestions();
            String hint = near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near.subList(0, Math.min(3, near.size()))) + "?)";
            if (!first.startsWith("-") && !where.getSubcommands().isEmpty()) {
                return "unknown command '" + first + "'" + hint + "; the commands are "
                        + String.join(", ", where.getSubcommands().keySet()) + " (see '" + help + "')";
            }
            return first.startsWith("-") ? first + ": unknown option" + hint + "; see '" + help + "'"
                    : "'" + first + "': unexpected argument" + hint + "; see '" + help + "'";
        }
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            if ((x = MISSING_VALUE.matcher(m)).matches()) {
                return x.group(1) + ": needs a value (" + x.group(2) + ")";
            }
            List<ArgSpec> args = missing.getMissing();
            if (args.size() > 1) {
                return "give one of " + String.join(", ", args.stream().map(UsageMessages::example).toList())
                        .replaceFirst(", ([^,]*)$", " or $1") + "; see '" + help + "'";
            }
            return name(args.get(0)) + ": required, e.g. " + example(args.get(0)) + "; see '" + help + "'";
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "give only one of " + exclusive(m) + "; see '" + help + "'";
        }
        if ((x = INVALID_VALUE.matcher(m)).matches()) {
            Matcher n = NOT_A.matcher(x.group(2));
            String reason = !n.matches() ? x.group(2)
                    : (n.group(2).equals("int") || n.group(2).equals("long") ? "must be a whole number" : "must be a number")
                            + ", got '" + n.group(1) + "'";
            return x.group(1) + ": " + reason;
        }
        if ((x = EXPECTED_VALUE.matcher(m)).matches()) {
            return x.group(1) + ": needs a value, found " + x.group(2);
        }
        if ((x = TWICE.matcher(m)).matches()) {
            return x.group(1) + ": given more than once; give it once";
        }
        return m + "; see '" + help + "'";
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static String example(ArgSpec arg) {
        return arg instanceof OptionSpec o && o.arity().max() > 0 ? o.longestName() + " " + o.paramLabel() : name(arg);
    }

    /** "Error: --lesson=NAME, --scenario=FILE are mutually exclusive (specify only one)" to "--lesson and --scenario". */
    private static String exclusive(String m) {
        Matcher names = Pattern.compile("(--[a-z-]+)").matcher(m);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (names.find()) {
            if (!found.contains(names.group(1))) {
                found.add(names.group(1));
            }
        }
        return found.isEmpty() ? "those options" : String.join(" and ", found);
    }
}
