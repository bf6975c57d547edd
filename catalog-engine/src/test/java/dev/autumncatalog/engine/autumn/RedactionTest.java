package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Redaction}: the key, and anything shaped like an Autumn key, out of text, JSON and exceptions. */
class RedactionTest {
    private static final String KEY = "am_sk_test_R3dactM3R3dactM3R3dactM3R3dactM3xx";

    @Test
    void scrub_theKeyAndKeyShapedText_keepingTheEnvironmentPrefix() {
        assertThat(Redaction.scrub("Bearer " + KEY, KEY)).isEqualTo("Bearer <redacted>");
        assertThat(Redaction.scrub("other am_sk_live_" + "abcDEF123 and am_pk_test_xyz", KEY))
                .isEqualTo("other am_sk_live_<redacted> and am_pk_test_<redacted>");
        assertThat(Redaction.scrub("masked am_sk_test_wron****", KEY)).isEqualTo("masked am_sk_test_<redacted>");
        assertThat(Redaction.scrub("a key that is not Autumn-shaped: sandbox-key", "sandbox-key"))
                .isEqualTo("a key that is not Autumn-shaped: <redacted>");
        assertThat(Redaction.scrub("nothing here", KEY)).isEqualTo("nothing here");
        assertThat(Redaction.scrub(null, KEY)).isNull();
    }

    @Test
    void scrub_isIdempotent() {
        String once = Redaction.scrub("Invalid secret key: " + KEY + " and am_sk_live_" + "q1w2e3", KEY);
        assertThat(Redaction.scrub(once, KEY)).isEqualTo(once);
        assertThat(once).isEqualTo("Invalid secret key: <redacted> and am_sk_live_<redacted>");
    }

    @Test
    void scrubTree_everyStringAndFieldName_atAnyDepth() {
        JsonNode tree = Json.parse("{\"name\": \"Pro " + KEY + "\", \"items\": [{\"feature_id\": \"" + KEY
                + "\", \"tags\": [\"am_sk_live_" + "zzz\", 5, true, null]}], \"" + KEY + "\": {\"" + KEY
                + "x\": \"y\"}, \"n\": 2}");

        JsonNode clean = Redaction.scrubTree(tree, KEY);

        assertThat(clean.toString())
                .isEqualTo("{\"name\":\"Pro <redacted>\",\"items\":[{\"feature_id\":\"<redacted>\",\"tags\":"
                        + "[\"am_sk_live_<redacted>\",5,true,null]}],\"<redacted>\":{\"<redacted>x\":\"y\"},\"n\":2}");
    }

    @Test
    void scrubTree_fieldNamesThatScrubAlike_keepTheFirstValue_inOrder() {
        JsonNode tree = Json.parse("{\"a\": 0, \"am_sk_test_one\": 1, \"b\": 2, \"am_sk_test_two\": 3}");

        assertThat(Redaction.scrubTree(tree, KEY).toString())
                .isEqualTo("{\"a\":0,\"am_sk_test_<redacted>\":1,\"b\":2}");
    }

    @Test
    void scrubTree_arraysKeepTheirOrderAndLength() {
        JsonNode tree = Json.parse("[\"x\", \"" + KEY + "\", [\"am_pk_live_" + "q\"], 3]");

        assertThat(Redaction.scrubTree(tree, KEY).toString())
                .isEqualTo("[\"x\",\"<redacted>\",[\"am_pk_live_<redacted>\"],3]");
    }

    @Test
    void scrubTree_aKeyHiddenBehindJsonEscapes_isFoundOnceParsed() {
        String escaped = KEY.replace("a", "\\u0061");
        JsonNode clean = Redaction.scrubTree(Json.parse("{\"message\": \"" + escaped + "\"}"), KEY);
        assertThat(clean.get("message").textValue()).isEqualTo("<redacted>");
    }

    @Test
    void scrubAnswer_walksTheTree_wheneverTheRawTextCouldHoldAKey() {
        // Escaped: the raw text holds neither "am_" nor the key, the parsed one does.
        String escaped = "{\"message\": \"" + KEY.replace("a", "\\u0061") + "\"}";
        assertThat(escaped).doesNotContain("am_").doesNotContain(KEY);
        assertThat(Redaction.scrubAnswer(escaped, Json.parse(escaped), KEY).toString())
                .isEqualTo("{\"message\":\"<redacted>\"}");

        String shaped = "{\"message\": \"am_sk_live_" + "q1w2\"}";
        assertThat(Redaction.scrubAnswer(shaped, Json.parse(shaped), KEY).toString())
                .isEqualTo("{\"message\":\"am_sk_live_<redacted>\"}");

        String publishable = "{\"message\": \"am_pk_test_" + "q1w2\"}";
        assertThat(Redaction.scrubAnswer(publishable, Json.parse(publishable), KEY)
                        .toString())
                .isEqualTo("{\"message\":\"am_pk_test_<redacted>\"}");

        String custom = "{\"message\": \"sandbox-key\"}";
        assertThat(Redaction.scrubAnswer(custom, Json.parse(custom), "sandbox-key")
                        .toString())
                .isEqualTo("{\"message\":\"<redacted>\"}");
    }

    @Test
    void answer_inUtf16_isScrubbed_thoughItsUtf8ReadingHoldsNoKey() {
        // Jackson reads UTF-16 from the bytes (big-endian, no byte-order mark: the body starts with a zero byte); the
        // same bytes read as UTF-8 hold the key's letters only between zero characters.
        for (Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            byte[] body = ("{\"message\": \"" + KEY + "\"}").getBytes(charset);
            assertThat(new String(body, StandardCharsets.UTF_8))
                    .doesNotContain("am_sk_")
                    .doesNotContain("\\");

            Answer answer = Answer.of(200, body, null, null, KEY);

            assertThat(answer.json.toString()).as("%s", charset).isEqualTo("{\"message\":\"<redacted>\"}");
        }
    }

    @Test
    void answer_inOverlongUtf8_isScrubbed_thoughItsStrictReadingHoldsNoKey() {
        // C1 AB is an overlong "k": Jackson reads "am_sk_live_…", Java reads two U+FFFD in its place.
        byte[] head = "{\"message\": \"am_s".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "_live_abc\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC1;
        body[head.length + 1] = (byte) 0xAB;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);

        Answer answer = Answer.of(200, body, null, null, KEY);

        assertThat(answer.json.toString()).isEqualTo("{\"message\":\"am_sk_live_<redacted>\"}");
    }

    @Test
    void scrubAnswer_decidesFromTheRawText_andSkipsTheWalkWhenItCannotHoldAKey() {
        // The tree here holds keys the raw text does not: only a skipped walk leaves them. No real answer does this;
        // it shows that a clean raw text ("team_annual" holds "am_" but cannot start a key) costs no walk.
        String raw = "{\"id\": \"team_annual\", \"items\": [\"x\", 2]}";
        String keys = "{\"id\": \"" + KEY + "\", \"other\": \"am_pk_test_" + "q\"}";

        assertThat(Redaction.scrubAnswer(raw, Json.parse(keys), KEY).toString())
                .isEqualTo("{\"id\":\"" + KEY + "\",\"other\":\"am_pk_test_" + "q\"}");
        assertThat(Redaction.scrubAnswer(raw, Json.parse(keys), null).toString())
                .isEqualTo("{\"id\":\"" + KEY + "\",\"other\":\"am_pk_test_" + "q\"}");
        assertThat(Redaction.scrubAnswer(keys, Json.parse(keys), KEY).toString())
                .isEqualTo("{\"id\":\"<redacted>\",\"other\":\"am_pk_test_<redacted>\"}");
    }

    @Test
    void scrubThrowable_copiesTheChainOnlyWhenAMessageLeaks() {
        IOException clean = new IOException("connection reset");
        assertThat(Redaction.scrubFailure(clean, KEY)).isSameAs(clean);

        ProtocolException leaking = new ProtocolException("Unexpected status line: HTTP/1.1 200 " + KEY);
        IOException outer = new IOException("outer", leaking);
        Throwable scrubbed = Redaction.scrubFailure(outer, KEY);

        assertThat(scrubbed).isNotSameAs(outer).hasMessage("java.io.IOException: outer");
        assertThat(scrubbed.getCause())
                .hasMessage("java.net.ProtocolException: Unexpected status line: HTTP/1.1 200 <redacted>")
                .hasToString("java.net.ProtocolException: Unexpected status line: HTTP/1.1 200 <redacted>");
        assertThat(scrubbed.getCause().getStackTrace()).isEqualTo(leaking.getStackTrace());
    }
}
