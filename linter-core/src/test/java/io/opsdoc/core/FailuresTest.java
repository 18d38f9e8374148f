package io.opsdoc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void uncheckedCausesAreThemselvesErrorsAreThrownCheckedOnesWrapped() {
        IllegalArgumentException runtime = new IllegalArgumentException("bad");
        assertThat(Failures.unchecked(runtime)).isSameAs(runtime);

        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> Failures.unchecked(error)).isSameAs(error);

        IOException checked = new IOException("disk");
        assertThat(Failures.unchecked(checked)).isInstanceOf(IllegalStateException.class).hasCause(checked);
    }
}
