package org.mymoviedb.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Written by Password4j 1.8.4 (Argon2id, 19 MiB, 2 iterations, 1 lane), as earlier versions stored them. */
    private static final String FROM_PASSWORD4J =
            "$argon2id$v=19$m=19456,t=2,p=1$BhTv8fE7+OruqNpIjTCpLQ$TAu29Ezv/nZ32OCE7lyNnUxWdou4AYvoc4f5cKXTswc";

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsArgon2idWithOwaspsParametersAndASaltOfItsOwn() {
        String hash = hasher.hash("the gleaners and I");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("gleaners");
        assertThat(hasher.hash("the gleaners and I")).isNotEqualTo(hash);
        assertThat(hasher.matches("the gleaners and I", hash)).isTrue();
        assertThat(hasher.matches("the gleaners and i", hash)).isFalse();
    }

    @Test
    void aHashPassword4jStoredStillMatches() {
        assertThat(hasher.matches("the gleaners and I", FROM_PASSWORD4J)).isTrue();
        assertThat(hasher.matches("the gleaners and me", FROM_PASSWORD4J)).isFalse();
    }

    @Test
    void anUnknownUserOrABrokenHashNeverMatches() {
        assertThat(hasher.matches("the gleaners and I", null)).isFalse();
        assertThat(hasher.matches("the gleaners and I", "$argon2id$v=19$broken")).isFalse();
        assertThat(hasher.matches("the gleaners and I", "plain text")).isFalse();
        assertThat(hasher.checks()).isEqualTo(3);
    }
}
