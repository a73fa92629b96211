package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Unexpected failures are 500s, except a streamed answer whose client left while it was being written. */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors();

    private static MockHttpServletRequest stream(boolean asyncStarted) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/task/t_1/events/stream");
        request.setAsyncSupported(true);
        if (asyncStarted) {
            request.startAsync();
        }
        return request;
    }

    @Test
    void aStreamWhoseClientLeftMidWriteIsNoServerError() {
        var failedSend = new IllegalStateException("Failed to send [...]",
                new RuntimeException("JacksonIOException", new IOException("Broken pipe")));

        assertThat(errors.unexpected(failedSend, stream(true))).isNull();
    }

    @Test
    void otherFailuresStay500s() {
        assertThat(errors.unexpected(new IllegalStateException("bug"), stream(true)).getStatusCode().value())
                .isEqualTo(500);
        assertThat(errors.unexpected(new IllegalStateException("x", new IOException("disk")), stream(false))
                .getStatusCode().value()).as("not a stream: an I/O failure is ours").isEqualTo(500);
    }
}
