package dev.k6j.engine.extension.ondemand;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import dev.k6j.engine.js.Script;
import dev.k6j.engine.loader.RemotePaths;
import dev.k6j.engine.loader.ScriptSources;
import dev.k6j.resolver.script.ModuleGraph;
import dev.k6j.resolver.script.ScriptDependencies;
import dev.k6j.resolver.script.UseDirectives;
import dev.k6j.resolver.version.VersionConstraint;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run needs from extensions: the {@code k6…} modules its script's files import (with the constraints of
 * their {@code "use k6 with …"} directives), the outputs its {@code --out} flags and directives name, and the k6
 * version a {@code "use k6 …"} directive asks for. Immutable.
 *
 * @param dependencies the script's dependencies as {@code k6 deps} reports them
 * @param modules      the module names needed ({@code k6/x/…}, and k6's names such as {@code k6/net/grpc}), each
 *                     with its constraint
 * @param outputs      the output names needed, each with its constraint
 */
public record ScriptNeeds(ScriptDependencies dependencies, List<Need> modules, List<Need> outputs) {

    /**
     * One module or output.
     *
     * @param name       {@code k6/x/greeting}, or an {@code --out} name
     * @param output     whether it is an output
     * @param constraint the version a directive asks for, or {@code null}
     * @param directive  that directive and its file, for messages, or {@code null}
     */
    public record Need(String name, boolean output, VersionConstraint constraint, String directive) {

        /** How messages name it: {@code k6/x/greeting} or {@code --out counter}. */
        public String display() {
            return output ? "--out " + name : name;
        }
    }

    /**
     * The needs of {@code script} run with {@code outs} ({@code --out} values, {@code name[=config]}).
     *
     * @throws K6jException (script error) a directive that does not parse, or directives that conflict
     */
    public static ScriptNeeds of(Script script, List<String> outs, Path workingDirectory) {
        return of(scan(script, workingDirectory), outs);
    }

    /**
     * The dependencies of {@code script}'s module graph: local files from disk, remote modules through the run's
     * sources (fetched once per run, so the VUs' init reuses them; a module that can't be fetched is left to the
     * init code, which reports it as k6 does).
     */
    public static ScriptDependencies scan(Script script, Path workingDirectory) {
        URI main = script.path() == null ? workingDirectory.resolve("-").toUri()
                : RemotePaths.isRemote(script.path()) ? RemotePaths.toUrl(script.path()) : script.path().toUri();
        ModuleGraph.ModuleReader reader = module -> "https".equals(module.getScheme())
                ? remoteText(script.sources(), module) : ModuleGraph.LOCAL_FILES.read(module);
        try {
            return ModuleGraph.walk(main, script.source().getCharacters(), reader);
        } catch (IllegalArgumentException e) {
            throw new K6jException(ExitCode.SCRIPT_EXCEPTION, e.getMessage(), e);
        }
    }

    private static Optional<String> remoteText(ScriptSources sources, URI module) {
        try {
            return Optional.of(new String(sources.remote(module), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static ScriptNeeds of(ScriptDependencies dependencies, List<String> outs) {
        Map<String, Need> modules = new LinkedHashMap<>();
        for (String module : dependencies.moduleNames()) {
            if (!module.equals("k6")) {
                modules.put(module, need(dependencies, module, module, false));
            }
        }
        Map<String, Need> outputs = new LinkedHashMap<>();
        for (ScriptDependencies.Requirement requirement : dependencies.requirements().values()) {
            if (requirement.isOutput()) {
                outputs.put(requirement.outputName(), need(dependencies, requirement.name(), requirement.outputName(),
                        true));
            } else if (!requirement.name().equals(UseDirectives.K6)) {
                modules.putIfAbsent(requirement.name(), need(dependencies, requirement.name(), requirement.name(),
                        false));
            }
        }
        for (String out : outs) {
            String name = out.contains("=") ? out.substring(0, out.indexOf('=')) : out;
            outputs.putIfAbsent(name.strip(), need(dependencies, UseDirectives.OUTPUT_PREFIX + name.strip(),
                    name.strip(), true));
        }
        return new ScriptNeeds(dependencies, List.copyOf(modules.values()), List.copyOf(outputs.values()));
    }

    private static Need need(ScriptDependencies dependencies, String requirementName, String name, boolean output) {
        ScriptDependencies.Requirement requirement = dependencies.requirements().get(requirementName);
        if (requirement == null || requirement.constraint() == null) {
            return new Need(name, output, null, null);
        }
        return new Need(name, output, requirement.constraint(), "\"" + requirement.directive() + "\" in "
                + requirement.declaredIn());
    }

    /** The requirement on k6 itself ({@code "use k6 >= 1.2"}), if a directive makes one. */
    public ScriptDependencies.Requirement k6() {
        return dependencies.requirements().get(UseDirectives.K6);
    }

    /** Modules and outputs together. */
    public List<Need> all() {
        List<Need> all = new ArrayList<>(modules);
        all.addAll(outputs);
        return all;
    }
}
