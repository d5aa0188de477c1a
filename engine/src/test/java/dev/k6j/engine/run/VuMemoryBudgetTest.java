package dev.k6j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.errors.ExitCode;
import dev.k6j.engine.errors.K6jException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VuMemoryBudgetTest {

    private static final long GB = 1024L * 1024 * 1024;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void countsThatFitPassAndLargeOnesAreWarnedAboutEarly() {
        VuMemoryBudget budget = new VuMemoryBudget(GB, false, warnings::add);
        assertThat(budget.fits()).isEqualTo((long) (GB * VuMemoryBudget.VU_SHARE) / VuMemoryBudget.BYTES_PER_VU);

        budget.check(100);
        assertThat(warnings).isEmpty();

        budget.check(budget.fits());
        assertThat(warnings).singleElement().asString().contains(budget.fits() + " VUs will take about")
                .contains("of the JVM's 1.0 GB heap");
    }

    @Test
    void aCountBeyondTheHeapIsRefusedWithExitCode104AndTheWayOut() {
        VuMemoryBudget budget = new VuMemoryBudget(GB, false, warnings::add);

        assertThatThrownBy(() -> budget.check(99_999_999_999L)).isInstanceOf(K6jException.class)
                .hasMessageContaining("99999999999 VUs won't fit in the JVM's 1.0 GB heap")
                .hasMessageContaining("at most " + budget.fits() + " fit")
                .hasMessageContaining("--no-vu-memory-check")
                .satisfies(e -> assertThat(((K6jException) e).exitCode()).isEqualTo(ExitCode.INVALID_CONFIG));
    }

    @Test
    void insistingTurnsTheRefusalIntoAWarning() {
        VuMemoryBudget budget = new VuMemoryBudget(GB, true, warnings::add);

        budget.check(99_999_999_999L);

        assertThat(warnings).singleElement().asString().contains("won't fit")
                .contains("running anyway, as --no-vu-memory-check asks");
        assertThat(budget.refusal(99_999_999_999L, 10)).isNull();
    }

    @Test
    void moreVusBesideTheExistingOnesAreRefusedWithTheReason() {
        VuMemoryBudget budget = new VuMemoryBudget(GB, false, warnings::add);

        assertThat(budget.refusal(10, budget.fits() - 10)).isNull();
        assertThat(budget.refusal(11, budget.fits() - 10)).contains((budget.fits() + 1) + " VUs won't fit");
    }

    @Test
    void whatTheFirstVusReallyTookReplacesTheConstantWhenItIsMore() {
        long count = VuMemoryBudget.MEASURED_FROM;
        // A heap where the constant lets the run pass, but not 1 MB per VU: the first 100 VUs took 100 MB.
        java.util.Iterator<Long> heap = List.of(50L << 20, 150L << 20).iterator();
        VuMemoryBudget budget = new VuMemoryBudget(count * VuMemoryBudget.BYTES_PER_VU * 2, false, warnings::add,
                heap::next);
        budget.check(count);

        budget.measureFirstVus(count, 0);
        budget.measureFirstVus(count, 1);

        assertThatThrownBy(() -> budget.measureFirstVus(count, VuMemoryBudget.SAMPLE))
                .isInstanceOf(K6jException.class).hasMessageContaining("the first 100 VUs took 1.0 MB each")
                .hasMessageContaining(count + " VUs won't fit");
    }

    @Test
    void lighterVusThanTheEstimateKeepIt() {
        long count = VuMemoryBudget.MEASURED_FROM;
        java.util.Iterator<Long> heap = List.of(50L << 20, 51L << 20).iterator();
        VuMemoryBudget budget = new VuMemoryBudget(GB, false, warnings::add, heap::next);
        long fits = budget.fits();

        budget.measureFirstVus(count, 0);
        budget.measureFirstVus(count, VuMemoryBudget.SAMPLE);

        assertThat(budget.fits()).isEqualTo(fits);
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(VuMemoryBudget.size(512)).isEqualTo("512 B");
        assertThat(VuMemoryBudget.size(256 * 1024)).isEqualTo("256 KB");
        assertThat(VuMemoryBudget.size(GB + GB / 2)).isEqualTo("1.5 GB");
        assertThat(VuMemoryBudget.size(Long.MAX_VALUE)).isEqualTo("more than any heap");
    }
}
