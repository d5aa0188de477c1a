package dev.k6j.engine.cli;

import dev.k6j.engine.errors.K6jException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code k6j completion bash|zsh|fish}: prints a shell completion script, as {@code k6 completion} does:
 * {@code source <(k6j completion bash)}, {@code k6j completion fish > ~/.config/fish/completions/k6j.fish}.
 */
@Command(name = "completion", description = "Print a shell completion script: bash, zsh or fish.",
        mixinStandardHelpOptions = true)
public final class CompletionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = K6jCommand.commandLine();
        String script = switch (shell) {
            case "bash" -> AutoComplete.bash("k6j", root);
            case "zsh" -> "#compdef k6j\nautoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + AutoComplete.bash("k6j", root);
            case "fish" -> fish(root.getCommandSpec());
            default -> throw K6jException.invalidConfig("k6j has no completion for '" + shell + "': use bash, zsh or "
                    + "fish");
        };
        System.out.print(script);
        System.out.flush();
        return 0;
    }

    /** Fish completions: the subcommands, then each one's flags, with their descriptions. */
    static String fish(CommandSpec root) {
        StringBuilder out = new StringBuilder("# fish completion for k6j (k6j completion fish)\n");
        out.append("complete -c k6j -f\n");
        for (Map.Entry<String, CommandLine> sub : root.subcommands().entrySet()) {
            out.append("complete -c k6j -n '__fish_use_subcommand' -a ").append(sub.getKey())
                    .append(" -d ").append(quote(description(sub.getValue().getCommandSpec().usageMessage()
                            .description()))).append('\n');
        }
        for (Map.Entry<String, CommandLine> sub : root.subcommands().entrySet()) {
            for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
                out.append("complete -c k6j -n '__fish_seen_subcommand_from ").append(sub.getKey()).append("'");
                for (String name : option.names()) {
                    out.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
                }
                if (option.arity().max() > 0) {
                    out.append(" -r");
                }
                out.append(" -d ").append(quote(description(option.description()))).append('\n');
            }
            if (sub.getKey().equals("run") || sub.getKey().equals("inspect") || sub.getKey().equals("archive")) {
                out.append("complete -c k6j -n '__fish_seen_subcommand_from ").append(sub.getKey())
                        .append("' -F\n");
            }
        }
        return out.toString();
    }

    private static String description(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
