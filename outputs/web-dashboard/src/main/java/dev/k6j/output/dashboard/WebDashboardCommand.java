package dev.k6j.output.dashboard;

import dev.k6j.spi.Subcommand;
import dev.k6j.spi.SubcommandParams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code k6j web-dashboard replay|report|aggregate}: the dashboard without a test run, as xk6-dashboard's
 * {@code k6-web-dashboard} command. Each reads a recording ({@code K6_WEB_DASHBOARD_RECORD}) or, k6j's addition, a
 * {@code --out json} results file directly; {@code .gz} files are decompressed.
 *
 * <p>The Maven plugin and other tools write a report with {@link #writeReport(Path, Path)}.
 */
public final class WebDashboardCommand implements Subcommand {

    static final String USAGE = """
            Usage: k6j web-dashboard COMMAND [flags] ARGUMENTS

            Offline k6 web dashboard: replay a recorded run in the browser, or make its HTML report, from a
            recording (K6_WEB_DASHBOARD_RECORD=events.ndjson[.gz]) or a --out json results file.

            Commands:
              replay [--host HOST] [--port PORT] [--open] [--export REPORT] FILE
                  Serve the dashboard of FILE (default port 5665; 0 any free port, -1 no server) until Ctrl-C;
                  --export also writes the HTML report.
              report [--open] FILE REPORT
                  Write the self-contained HTML report of FILE to REPORT (.gz: gzip-compressed).
              aggregate [--period DURATION] [--tags TAG,...] RESULTS EVENTS
                  Turn a --out json RESULTS file into an events file (default period 10s, tags group).

            Examples:
              k6j run --out web-dashboard=record=run.ndjson script.js
              k6j web-dashboard report run.ndjson report.html
              k6j run --out json=results.json script.js
              k6j web-dashboard replay results.json
            """;

    @Override
    public String name() {
        return WebDashboardOutputFactory.NAME;
    }

    @Override
    public String description() {
        return "Replay a recorded run in the web dashboard, or make its HTML report.";
    }

    @Override
    public int run(SubcommandParams params) throws Exception {
        List<String> args = params.arguments();
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("-h")
                || args.getFirst().equals("help")) {
            params.stdout().print(USAGE);
            return 0;
        }
        Flags flags = Flags.parse(args.subList(1, args.size()));
        if (flags.help) {
            params.stdout().print(USAGE);
            return 0;
        }
        Path cwd = params.workingDirectory();
        return switch (args.getFirst()) {
            case "replay" -> replay(flags, cwd, params.stdout());
            case "report" -> report(flags, cwd);
            case "aggregate" -> aggregate(flags, cwd);
            default -> throw new IllegalArgumentException("unknown command '" + args.getFirst()
                    + "' for k6j web-dashboard: use replay, report or aggregate (k6j web-dashboard --help)");
        };
    }

    /**
     * Writes the HTML report of a recording or a {@code --out json} file: the API for tools (the Maven plugin).
     *
     * @throws IllegalArgumentException when the input is missing or is neither kind of file
     */
    public static void writeReport(Path input, Path report) throws IOException {
        EventHistory history = new EventHistory();
        load(input, DashboardConfig.defaults(), history);
        new Report().write(report, history.events());
    }

    private static int replay(Flags flags, Path cwd, PrintStream out) throws IOException, InterruptedException {
        flags.expect(1, "replay [--host HOST] [--port PORT] [--open] [--export REPORT] FILE");
        DashboardConfig config = flags.config();
        EventHistory history = new EventHistory();
        Broadcast events = new Broadcast(System.getLogger("k6j.web-dashboard"));
        events.add(history);
        EventServer server = null;
        if (config.serves()) {
            server = EventServer.bind(config.host(), config.port(), new Report());
            events.add(server);
            server.start();
        }
        load(cwd.resolve(flags.positional.getFirst()), config, events);
        if (!config.export().isEmpty()) {
            new Report().write(cwd.resolve(config.export()), history.events());
        }
        if (server == null) {
            return 0;
        }
        String url = config.url(server.port());
        out.println("web dashboard: " + url + " (Ctrl-C to stop)");
        out.flush();
        if (config.open()) {
            Browser.open(url, System.getLogger("k6j.web-dashboard"));
        }
        Thread.currentThread().join();
        return 0;
    }

    private static int report(Flags flags, Path cwd) throws IOException {
        flags.expect(2, "report [--open] FILE REPORT");
        Path report = cwd.resolve(flags.positional.get(1));
        writeReport(cwd.resolve(flags.positional.getFirst()), report);
        if (flags.open) {
            Browser.open(report.toUri().toString(), System.getLogger("k6j.web-dashboard"));
        }
        return 0;
    }

    private static int aggregate(Flags flags, Path cwd) throws IOException {
        flags.expect(2, "aggregate [--period DURATION] [--tags TAG,...] RESULTS EVENTS");
        Path input = cwd.resolve(flags.positional.getFirst());
        requireFile(input);
        DashboardConfig config = flags.config();
        try (Recorder recorder = Recorder.create(cwd.resolve(flags.positional.get(1)))) {
            JsonResults.aggregate(input, config.period(), config.precomputedTags(), recorder);
        }
        return 0;
    }

    /** Feeds a recording or a {@code --out json} file's events to {@code events}. */
    private static void load(Path input, DashboardConfig config, EventListener events) throws IOException {
        requireFile(input);
        if (EventsReader.isEventsFile(input)) {
            EventsReader.read(input, events::onEvent);
        } else {
            JsonResults.aggregate(input, config.period(), config.precomputedTags(), events);
        }
    }

    private static void requireFile(Path input) {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("cannot read '" + input + "': no such file");
        }
    }

    /** The flags of the three commands, parsed by hand: they are few. */
    private static final class Flags {
        private final List<String> positional = new ArrayList<>();
        private DashboardConfig config = DashboardConfig.defaults();
        private boolean open;
        private boolean help;
        private boolean tagsGiven;

        static Flags parse(List<String> args) {
            Flags flags = new Flags();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                switch (name) {
                    case "--help", "-h" -> flags.help = true;
                    case "--open" -> flags.open = true;
                    case "--host", "--port", "--export", "--period", "--tags" -> {
                        String value = inline;
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new IllegalArgumentException("flag " + name + " needs a value");
                            }
                            value = args.get(++i);
                        }
                        flags.set(name, value);
                    }
                    default -> {
                        if (arg.startsWith("-") && arg.length() > 1) {
                            throw new IllegalArgumentException("unknown flag '" + arg
                                    + "' (k6j web-dashboard --help)");
                        }
                        flags.positional.add(arg);
                    }
                }
            }
            return flags;
        }

        private void set(String flag, String value) {
            DashboardConfig parsed = DashboardConfig.from(flag.substring(2) + "="
                    + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of());
            config = switch (flag) {
                case "--host" -> config.withHost(parsed.host());
                case "--port" -> config.withPort(parsed.port());
                case "--export" -> config.withExport(parsed.export());
                case "--period" -> config.withPeriod(parsed.period());
                default -> {
                    List<String> tags = new ArrayList<>(tagsGiven ? config.tags() : List.of());
                    tags.addAll(List.of(value.split(",")));
                    tagsGiven = true;
                    yield config.withTags(tags);
                }
            };
        }

        DashboardConfig config() {
            return open ? config.withOpen(true) : config;
        }

        void expect(int count, String usage) {
            if (positional.size() != count) {
                throw new IllegalArgumentException("k6j web-dashboard " + usage.split(" ")[0] + " takes " + count
                        + (count == 1 ? " file" : " files") + ": k6j web-dashboard " + usage);
            }
        }
    }
}
