package org.cephsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NetBoxProxboxTest {

    @Test
    void aV2TokenIsSentAsBearerAndAV1TokenAsToken() {
        assertEquals("Bearer nbt_4F9DAouzURLb.zjebxBPzICiPbWz0Wtx0fTL7bCKXKGTYhNzkgC2S",
                NetBoxProxbox.authorization("nbt_4F9DAouzURLb.zjebxBPzICiPbWz0Wtx0fTL7bCKXKGTYhNzkgC2S"));
        assertEquals("Token 0123456789abcdef0123456789abcdef01234567",
                NetBoxProxbox.authorization("0123456789abcdef0123456789abcdef01234567"));
    }
}
