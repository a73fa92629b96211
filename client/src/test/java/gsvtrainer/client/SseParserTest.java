package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    @Test
    void joinsDataLinesAndKeepsIdAndType() {
        List<SseParser.Message> messages = feed(
                ": comment", "id: 7", "event: progress", "data: {\"a\":", "data:1}", "", "data: second", "");

        assertThat(messages).containsExactly(
                new SseParser.Message("7", "progress", "{\"a\":\n1}"),
                new SseParser.Message("7", "message", "second"));
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        assertThat(feed("event: ping", "", "id: 3", "")).isEmpty();
    }

    @Test
    void readsTheRetryField() {
        SseParser parser = new SseParser();
        parser.accept("retry: 1500");
        parser.accept("retry: soon");

        assertThat(parser.retryMillis()).isEqualTo(1500);
    }

    private static List<SseParser.Message> feed(String... lines) {
        SseParser parser = new SseParser();
        List<SseParser.Message> messages = new ArrayList<>();
        for (String line : lines) {
            parser.accept(line).ifPresent(messages::add);
        }
        return messages;
    }
}
