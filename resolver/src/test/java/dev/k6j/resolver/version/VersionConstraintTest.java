package dev.k6j.resolver.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class VersionConstraintTest {

    private static final List<String> PUBLISHED = List.of("0.0.3", "0.0.4", "0.2.3", "0.2.9", "0.3.0", "1.0.0",
            "1.1.0", "1.2.0", "1.2.3", "1.2.9", "1.3.0", "1.4.5", "1.4.6", "2.0.0-rc.1", "2.0.0", "2.1", "3.0.0-SNAPSHOT");

    static Stream<Arguments> k6Grammar() {
        return Stream.of(
                Arguments.of("*", "0.0.3 0.0.4 0.2.3 0.2.9 0.3.0 1.0.0 1.1.0 1.2.0 1.2.3 1.2.9 1.3.0 1.4.5 1.4.6 2.0.0 2.1"),
                Arguments.of(">= 1.2.3", "1.2.3 1.2.9 1.3.0 1.4.5 1.4.6 2.0.0 2.1"),
                Arguments.of("> 1.2", "1.3.0 1.4.5 1.4.6 2.0.0 2.1"),
                Arguments.of(">1", "2.0.0 2.1"),
                Arguments.of("<1.2", "0.0.3 0.0.4 0.2.3 0.2.9 0.3.0 1.0.0 1.1.0"),
                Arguments.of("<=1.2", "0.0.3 0.0.4 0.2.3 0.2.9 0.3.0 1.0.0 1.1.0 1.2.0 1.2.3 1.2.9"),
                Arguments.of("=1.2.3", "1.2.3"),
                Arguments.of("1.2.3", "1.2.3"),
                Arguments.of("v1.2.3", "1.2.3"),
                Arguments.of("!=1.2.3, >=1.2, <1.3", "1.2.0 1.2.9"),
                Arguments.of("~1.2.3", "1.2.3 1.2.9"),
                Arguments.of("~1.2", "1.2.0 1.2.3 1.2.9"),
                Arguments.of("~1", "1.0.0 1.1.0 1.2.0 1.2.3 1.2.9 1.3.0 1.4.5 1.4.6"),
                Arguments.of("^1.2.3", "1.2.3 1.2.9 1.3.0 1.4.5 1.4.6"),
                Arguments.of("^0.2.3", "0.2.3 0.2.9"),
                Arguments.of("^0.0.3", "0.0.3"),
                Arguments.of("1.2.x", "1.2.0 1.2.3 1.2.9"),
                Arguments.of("1.2 - 1.4.5", "1.2.0 1.2.3 1.2.9 1.3.0 1.4.5"),
                Arguments.of("<1.0 || >=2", "0.0.3 0.0.4 0.2.3 0.2.9 0.3.0 2.0.0 2.1"),
                Arguments.of(">= 1.0.0 < 1.2.0", "1.0.0 1.1.0"),
                Arguments.of(">=2.0.0-rc.0", "2.0.0-rc.1 2.0.0 2.1 3.0.0-SNAPSHOT"), // a group naming a pre-release takes them all
                Arguments.of(">=3.0.0-A", "3.0.0-SNAPSHOT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("k6Grammar")
    void picksTheVersionsK6Picks(String constraint, String expected) {
        VersionConstraint parsed = VersionConstraint.parse(constraint);

        List<String> matching = PUBLISHED.stream().filter(v -> parsed.matches(SemanticVersion.parse(v).orElseThrow()))
                .toList();

        assertThat(String.join(" ", matching)).isEqualTo(expected);
    }

    @Test
    void preReleasesOfAVersionAlreadyPresentCanBeLetIn() {
        SemanticVersion snapshot = SemanticVersion.parse("0.1.0-SNAPSHOT").orElseThrow();

        assertThat(VersionConstraint.parse(">=0.1").matches(snapshot)).isFalse();
        assertThat(VersionConstraint.parse(">=0.0.1").matches(snapshot, true)).isTrue();
    }

    @Test
    void printsAsK6PrintsAndAsAMavenRange() {
        assertThat(VersionConstraint.parse(">= 1.2.3").toString()).isEqualTo(">=1.2.3");
        assertThat(VersionConstraint.parse("1.2 - 1.4").toString()).isEqualTo(">=1.2 <=1.4");
        assertThat(VersionConstraint.parse("^1.2").toMavenRange()).isEqualTo("[1.2.0,2.0.0)");
        assertThat(VersionConstraint.parse("~0.4.1").toMavenRange()).isEqualTo("[0.4.1,0.5.0)");
        assertThat(VersionConstraint.parse("1.2.3").toMavenRange()).isEqualTo("[1.2.3]");
        assertThat(VersionConstraint.parse("> 0.4.0").toMavenRange()).isEqualTo("(0.4.0,)");
        assertThat(VersionConstraint.parse("<1.0 || >=2").toMavenRange()).isEqualTo("(,1.0.0),[2.0.0,)");
        assertThat(VersionConstraint.parse("!=1.2.3").toMavenRange()).isEqualTo("(,1.2.3),(1.2.3,)");
        assertThat(VersionConstraint.parse("*").toMavenRange()).isEqualTo("[0.0.0,)");
        assertThat(VersionConstraint.parse(">=1.0.0 <1.2.0").toMavenRange()).isEqualTo("[1.0.0,1.2.0)");
    }

    @Test
    void onlyAnExactVersionPinsOne() {
        assertThat(VersionConstraint.parse("1.2.3").pinsOneVersion()).isTrue();
        assertThat(VersionConstraint.parse("=1.2.3").pinsOneVersion()).isTrue();
        assertThat(VersionConstraint.parse("1.2").pinsOneVersion()).isFalse();
        assertThat(VersionConstraint.parse(">=1.2.3").pinsOneVersion()).isFalse();
    }

    @Test
    void badConstraintsAreRefusedWithK6sWords() {
        assertThatThrownBy(() -> VersionConstraint.parse(">> 1.0")).hasMessage("improper constraint: >> 1.0");
        assertThatThrownBy(() -> VersionConstraint.parse("latest")).hasMessageStartingWith("improper constraint");
        assertThatThrownBy(() -> VersionConstraint.parse("")).hasMessageStartingWith("improper constraint");
    }

    @Test
    void mavenVersionsOfOtherShapesAreNotVersionsHere() {
        assertThat(SemanticVersion.parse("1.2.3.4")).isEmpty();
        assertThat(SemanticVersion.parse("1.0.Final")).isEmpty();
        assertThat(SemanticVersion.parse("2.0.0-SNAPSHOT").orElseThrow().isPreRelease()).isTrue();
        assertThat(SemanticVersion.parse("1.2").orElseThrow().canonical()).isEqualTo("1.2.0");
    }
}
