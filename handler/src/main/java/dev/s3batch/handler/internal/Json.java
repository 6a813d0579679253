package dev.s3batch.handler.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The function's one Jackson mapper: built once per function instance (an {@code ObjectMapper} costs
 * milliseconds to set up, so never per task). Thread-safe.
 */
public final class Json {

  /** Reads JSON as Jackson does by default (events, tags, metadata). */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** Strict: text after the value and a field named twice are errors (JSON task keys). */
  public static final ObjectReader STRICT =
      MAPPER.reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Json() {}
}
