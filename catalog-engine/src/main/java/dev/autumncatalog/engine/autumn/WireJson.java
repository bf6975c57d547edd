package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson set-up of the wire format: money as {@code BigDecimal} both ways, no source text in errors. */
final class WireJson {
    private static final ObjectMapper MAPPER = objectMapper();

    private WireJson() {}

    /**
     * A new mapper: JSON decimals read as {@code BigDecimal} (never {@code double}), {@code BigDecimal} written as plain
     * numbers ({@code 20}, not {@code 2E+1}), parse errors without the source text (an answer may quote anything).
     * Strings are not limited by Jackson's 20-million-character default: the client bounds the whole answer instead
     * ({@link AutumnClientConfig#maxAnswerBytes()}), and a long but valid answer must not read as corrupted.
     */
    static ObjectMapper objectMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** The shared mapper; do not reconfigure it. */
    static ObjectMapper mapper() {
        return MAPPER;
    }
}
