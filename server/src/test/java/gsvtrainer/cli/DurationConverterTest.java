package gsvtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Every --timeout of the CLI reads the same durations, bare seconds included (the old stop script's). */
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsUnitsIsoAndBareSeconds() {
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("60")).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("90s, 30m, 2h");
        assertThatThrownBy(() -> converter.convert("")).isInstanceOf(TypeConversionException.class);
    }
}
