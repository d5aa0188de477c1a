package dev.k6j.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tar subset of k6 archives: what k6j writes reads back, long names through PAX, garbage refused. */
class TarTest {

    @Test
    void entriesRoundTripWithLinksFoldersAndNamesLongerThanUstarHolds() throws Exception {
        String longName = "file/home/nobody/" + "deep/".repeat(30) + "module.js";
        List<Tar.Entry> entries = List.of(
                new Tar.Entry("metadata.json", Tar.REGULAR, 1_700_000_000L, "", "{}".getBytes(StandardCharsets.UTF_8)),
                new Tar.Entry("file", Tar.DIRECTORY, 1_700_000_000L, "", new byte[0]),
                new Tar.Entry(longName, Tar.REGULAR, 1_700_000_000L, "", "x".repeat(700).getBytes(StandardCharsets.UTF_8)),
                new Tar.Entry("file/home/nobody/test.js", Tar.LINK, 1_700_000_000L, "data", new byte[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Tar.write(entries, out);
        byte[] tar = out.toByteArray();
        assertThat(tar.length % 512).isZero();
        assertThat(Tar.looksLikeTar(tar)).isTrue();
        List<Tar.Entry> read = Tar.read(tar);
        assertThat(read).extracting(Tar.Entry::name).containsExactly("metadata.json", "file", longName,
                "file/home/nobody/test.js");
        assertThat(read.get(2).data()).hasSize(700);
        assertThat(read.get(3).type()).isEqualTo(Tar.LINK);
        assertThat(read.get(3).linkName()).isEqualTo("data");
    }

    @Test
    void aScriptIsNotATar() {
        byte[] script = "export default function () {}\n".repeat(40).getBytes(StandardCharsets.UTF_8);
        assertThat(Tar.looksLikeTar(script)).isFalse();
        assertThatThrownBy(() -> Tar.read(script)).hasMessageContaining("not a tar archive");
    }

    @Test
    void homeFoldersAreAnonymizedAsK6Does() {
        assertThat(ArchivePaths.anonymize("/home/alice/tests/x.js")).isEqualTo("/home/nobody/tests/x.js");
        assertThat(ArchivePaths.anonymize("/Users/bob/x.js")).isEqualTo("/Users/nobody/x.js");
        assertThat(ArchivePaths.anonymize("C:\\Users\\eve\\x.js")).isEqualTo("/C/Users/nobody/x.js");
        assertThat(ArchivePaths.anonymize("/srv/tests/x.js")).isEqualTo("/srv/tests/x.js");
    }
}
