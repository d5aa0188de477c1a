package dev.k6j.resolver.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.resolver.script.UseDirectives.Directive;
import java.util.List;
import org.junit.jupiter.api.Test;

class UseDirectivesTest {

    @Test
    void readsK6sDirectivesFromThePrologueOnly() {
        String source = """
                #!/usr/bin/env k6
                // a comment
                "use strict";
                /* another */ 'use k6 >= 1.0';
                "use k6 with k6/x/faker > 0.4.0"
                "use k6 with k6/x/sql";
                "use k6 with output/kafka ^0.1";
                import http from 'k6/http';
                "use k6 with k6/x/too-late 1.0";
                """;

        List<Directive> directives = UseDirectives.find(source, "main.js");

        assertThat(directives).extracting(Directive::name)
                .containsExactly("k6", "k6/x/faker", "k6/x/sql", "output/kafka");
        assertThat(directives.get(0).constraint().toString()).isEqualTo(">=1.0");
        assertThat(directives.get(1).constraint().toString()).isEqualTo(">0.4.0");
        assertThat(directives.get(2).constraint()).isNull();
        assertThat(directives.get(3).constraint().toMavenRange()).isEqualTo("[0.1.0,0.2.0)");
    }

    @Test
    void doubleSpacesAreForgivenAsK6ForgivesThem() {
        assertThat(UseDirectives.find("\"use k6  with k6/x/faker  >= 0.4\"", "a.js").getFirst().constraint().toString())
                .isEqualTo(">=0.4");
    }

    @Test
    void aBadConstraintSaysWhereAndHowToWriteOne() {
        assertThatThrownBy(() -> UseDirectives.find("\"use k6 with k6/x/faker >> 0.4\";", "/t/main.js"))
                .hasMessageContaining("the directive \"use k6 with k6/x/faker >> 0.4\" in /t/main.js")
                .hasMessageContaining("improper constraint")
                .hasMessageContaining("\">= 1.2\"");
        assertThatThrownBy(() -> UseDirectives.find("\"use k6 with k6/http 1.0\";", "/t/main.js"))
                .hasMessageContaining("names 'k6/http'");
    }
}
