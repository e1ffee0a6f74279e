package io.driftproof.agent.collect.files;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFilesTest {

    @Test
    void parsesPasswdAndGroupLines() throws IOException {
        String passwd = String.join("\n",
                "root:x:0:0:root:/root:/bin/bash",
                // a comment line
                "# local accounts",
                "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
                // a second name for uid 0: getpwuid answers with the first
                "toor:x:0:0:alias:/root:/bin/sh",
                // NIS compat lines carry no id
                "+@admins:::::",
                "-baduser",
                // a damaged line without an id
                "broken:x::",
                // no trailing newline
                "_apt:x:42:65534::/nonexistent:/usr/sbin/nologin");
        String group = "root:x:0:\nshadow:x:42:\nsudo:x:27:alice,bob\n";

        assertThat(AccountFiles.parse(in(passwd))).isEqualTo(Map.of(0, "root", 1, "daemon", 42, "_apt"));
        assertThat(AccountFiles.parse(in(group))).isEqualTo(Map.of(0, "root", 42, "shadow", 27, "sudo"));
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
