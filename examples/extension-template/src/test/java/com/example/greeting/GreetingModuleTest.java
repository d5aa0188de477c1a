package com.example.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k6j.testkit.ModuleTestKit;
import dev.k6j.testkit.ScriptRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module against the engine's real VU, in-process, with k6j's test kit. */
class GreetingModuleTest {

    static ModuleTestKit kit;

    @BeforeAll
    static void kit() {
        kit = ModuleTestKit.of(new GreetingModule());
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @Test
    void greetReturnsAGreetingAndCountsIt() {
        ScriptRun run = kit.run("""
                import { greet } from 'k6/x/greeting';
                export default function () { console.log(greet('k6j')); }
                """, 2);

        assertThat(run.allCompleted()).as("%s", run.console()).isTrue();
        assertThat(run.console()).containsExactly("INFO Hello, k6j!", "INFO Hello, k6j!");
        assertThat(run.sum("greetings")).isEqualTo(2);
        assertThat(run.samples("greetings").getFirst().tags().get("kind")).isEqualTo("now");
    }

    @Test
    void greetLaterResolvesItsPromiseFromAnotherThread() {
        ScriptRun run = kit.run("""
                import { greetLater } from 'k6/x/greeting';
                export default async function () {
                    const started = Date.now();
                    const greeting = await greetLater('k6j', 30);
                    console.log(greeting + ' after ' + (Date.now() - started >= 25 ? 'the delay' : 'no delay'));
                }
                """);

        assertThat(run.allCompleted()).as("%s", run.console()).isTrue();
        assertThat(run.console()).containsExactly("INFO Hello later, k6j! after the delay");
        assertThat(run.samples("greetings")).singleElement()
                .satisfies(sample -> assertThat(sample.tags().get("kind")).isEqualTo("later"));
    }

    @Test
    void aMissingNameIsATypeErrorTheScriptCanCatch() {
        ScriptRun run = kit.run("""
                import { greet } from 'k6/x/greeting';
                export default function () {
                    try { greet(); } catch (e) { console.log(e.name + ': ' + e.message); }
                }
                """);

        assertThat(run.console()).containsExactly("INFO TypeError: greet(name) needs a name, such as greet('k6j')");
    }

    @Test
    void theModuleIsRegisteredForServiceLoader() {
        try (ModuleTestKit discovered = ModuleTestKit.fromClassPath()) {
            ScriptRun run = discovered.run("import g from 'k6/x/greeting';\nexport default () => console.log(g.greet('x'));");
            assertThat(run.console()).containsExactly("INFO Hello, x!");
        }
    }
}
