package org.cephsync.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    /** Made independently (Python's hashlib.pbkdf2_hmac) in Pbkdf2PasswordHash's text format. */
    private static final String SHA256_VECTOR = "PBKDF2WithHmacSHA256:2048:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:"
            + "7jcm9wFMKiyGgoYkQcBV1SiN0HJS/EHj8ORHVp0+c6g=";
    private static final String SHA512_VECTOR = "PBKDF2WithHmacSHA512:1000:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:"
            + "ezTXKzrtu3uRVUVG5Asx+GIToYvZs6A8p9VT93h5rTS3g4N0Ydgj1eHhoSfCakJbZ+8yBtrZcUWPJXR27jWxDg==";

    @Test
    void verifiesHashesMadeElsewhereInTheJakartaFormat() {
        assertTrue(PasswordHashes.verify("correct horse".toCharArray(), SHA256_VECTOR));
        assertTrue(PasswordHashes.verify("correct horse".toCharArray(), SHA512_VECTOR));
        assertFalse(PasswordHashes.verify("correct horse!".toCharArray(), SHA256_VECTOR));
        assertFalse(PasswordHashes.verify("".toCharArray(), SHA256_VECTOR));
    }

    @Test
    void makesSaltedHashesThatVerify() {
        String a = PasswordHashes.hash("s3cret".toCharArray());
        String b = PasswordHashes.hash("s3cret".toCharArray());
        assertNotEquals(a, b, "a fresh salt every time");
        String[] parts = a.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(String.valueOf(PasswordHashes.DEFAULT_ITERATIONS), parts[1]);
        assertTrue(PasswordHashes.verify("s3cret".toCharArray(), a));
        assertFalse(PasswordHashes.verify("S3cret".toCharArray(), a));
        assertTrue(PasswordHashes.verify("pw".toCharArray(), PasswordHashes.hash("pw".toCharArray(), "PBKDF2WithHmacSHA384", 5000)));
    }

    @Test
    void malformedHashesNeverVerifyAndSayWhy() {
        for (String bad : new String[] {null, "", "plain-password", "MD5:1000:AAAA:AAAA", "PBKDF2WithHmacSHA256:many:AAAA:AAAA",
                "PBKDF2WithHmacSHA256:1000:***:AAAA", "PBKDF2WithHmacSHA256:1000:AAAA"}) {
            assertFalse(PasswordHashes.verify("x".toCharArray(), bad), String.valueOf(bad));
            assertNotNull(PasswordHashes.problem(bad), String.valueOf(bad));
        }
        assertNull(PasswordHashes.problem(SHA256_VECTOR));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.hash("x".toCharArray(), "PBKDF2WithHmacSHA1", 10_000));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.hash("x".toCharArray(), "PBKDF2WithHmacSHA256", 10));
    }

    @Test
    void decodesBasicCredentials() {
        String[] login = ApiAuthenticationMechanism.decode(java.util.Base64.getEncoder().encodeToString("ann:pa:ss".getBytes()));
        assertEquals("ann", login[0]);
        assertEquals("pa:ss", login[1], "only the first colon separates");
        assertNull(ApiAuthenticationMechanism.decode("%%%"));
        assertNull(ApiAuthenticationMechanism.decode(java.util.Base64.getEncoder().encodeToString("no-colon".getBytes())));
        assertNull(ApiAuthenticationMechanism.decode(java.util.Base64.getEncoder().encodeToString(":nouser".getBytes())));
    }
}
