package dev.k6j.engine.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k6j.engine.loader.ScriptSources;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file system every module loader goes through (files, the k6 module shims and any remote loader) serves
 * nothing once the VU left its init stage.
 */
class ScriptFileSystemTest {

    @TempDir
    Path folder;

    @Test
    void everyReadIsRefusedAfterTheInitStageWithK6sMessage() throws IOException {
        Path file = Files.writeString(folder.resolve("lib.js"), "export const secret = 1;");
        AtomicBoolean initializing = new AtomicBoolean(true);
        ScriptFileSystem fs = new ScriptFileSystem(folder, ScriptSources.local(null),
                name -> "export default 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new InitStage(initializing::get));
        Path module = fs.toAbsolutePath(Path.of("k6/encoding"));

        for (Path path : List.of(file, Path.of("lib.js"), module)) {
            try (var channel = fs.newByteChannel(path, Set.of(StandardOpenOption.READ))) {
                assertThat(channel.size()).isPositive();
            }
        }

        initializing.set(false);
        for (Path path : List.of(file, Path.of("lib.js"), module, folder)) {
            String reason = "the \"import\" function is only available in the init stage";
            assertThatThrownBy(() -> fs.newByteChannel(path, Set.of(StandardOpenOption.READ)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining(reason);
            assertThatThrownBy(() -> fs.checkAccess(path, Set.of(AccessMode.READ)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining(reason);
            assertThatThrownBy(() -> fs.readAttributes(path, "*"))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining(reason);
            assertThatThrownBy(() -> fs.toRealPath(path, LinkOption.NOFOLLOW_LINKS))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining(reason);
        }
        assertThatThrownBy(() -> fs.newDirectoryStream(folder, p -> true))
                .isInstanceOf(AccessDeniedException.class);
    }
}
