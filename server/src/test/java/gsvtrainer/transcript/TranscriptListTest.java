package gsvtrainer.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptListTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatUpstreamsAsrToolsWriteAndWritesItBackTheSame() throws IOException {
        Path list = dir.resolve("slicer_opt.list");
        String upstream = "/data/sliced/a_0000000000_0000096000.wav|slicer_opt|ZH|你好世界。\n"
                + "/data/sliced/b_0000000000_0000064000.wav|slicer_opt|EN|Hello world.";
        Files.writeString(list, upstream, StandardCharsets.UTF_8);

        List<TranscriptLine> lines = TranscriptList.read(list);

        assertThat(lines).extracting(TranscriptLine::name)
                .containsExactly("a_0000000000_0000096000.wav", "b_0000000000_0000064000.wav");
        assertThat(lines.get(0).text()).isEqualTo("你好世界。");
        TranscriptList.write(list, lines);
        assertThat(Files.readString(list, StandardCharsets.UTF_8)).isEqualTo(upstream + "\n");
    }

    @Test
    void toleratesABomCrlfAndBlankLinesAndNamesABrokenLine() throws IOException {
        Path list = dir.resolve("t.list");
        Files.writeString(list, "\uFEFF/a.wav|s|EN|one\r\n\r\n/b.wav|s|EN|two|with a pipe\r\n");
        assertThat(TranscriptList.read(list)).extracting(TranscriptLine::text).containsExactly("one", "two with a pipe");

        Files.writeString(list, "/a.wav|s|EN|one\n/b.wav|s|EN\n");
        assertThatThrownBy(() -> TranscriptList.read(list)).isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }

    @Test
    void fieldsCannotBreakTheFormat() throws IOException {
        Path list = dir.resolve("t.list");
        TranscriptList.write(list, List.of(new TranscriptLine("/a.wav", "sp|k", "EN", "two\nlines | and a pipe ")));
        assertThat(Files.readString(list)).isEqualTo("/a.wav|sp k|EN|two lines   and a pipe\n");
        assertThat(dir.toFile().list()).containsExactly("t.list");
    }

    @Test
    void languagesAreUpstreamsTags() {
        assertThat(TranscriptLanguage.tag("jp")).contains("JA");
        assertThat(TranscriptLanguage.tag("Yue")).contains("YUE");
        assertThat(TranscriptLanguage.tag("auto")).isEmpty();
        assertThat(TranscriptLanguage.code("ZH")).contains("zh");
    }
}
