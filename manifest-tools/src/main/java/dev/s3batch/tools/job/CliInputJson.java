package dev.s3batch.tools.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Renders an SDK request as the JSON that {@code aws ... --cli-input-json} accepts: the API model's
 * member names ({@code AccountId}, {@code Operation.LambdaInvoke.FunctionArn}, ...) in the model's
 * order, lists as arrays, maps as objects, timestamps as ISO-8601. Unset members are left out. The
 * JSON is derived from the very request object that would be sent, so the two cannot drift apart.
 *
 * <pre>{@code
 * String json = CliInputJson.render(createJobRequest); // aws s3control create-job --cli-input-json "$json"
 * }</pre>
 */
public final class CliInputJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CliInputJson() {}

  /** The request as an indented JSON document. */
  public static String render(SdkPojo request) {
    return tree(request).toPrettyString();
  }

  /** The request as a JSON tree. */
  public static ObjectNode tree(SdkPojo pojo) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (present(value)) {
        node.set(field.memberName(), value(value));
      }
    }
    return node;
  }

  /**
   * A token that is the same for the same request: the SHA-256 (64 hex characters, CreateJob's
   * limit) of the request's compact JSON without its token.
   */
  public static String token(SdkPojo requestWithoutToken) {
    try {
      ObjectNode tree = tree(requestWithoutToken);
      tree.remove("ClientRequestToken"); // the SDK fills an unset idempotency token with a random UUID
      byte[] canonical = JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean present(Object value) {
    return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
  }

  private static JsonNode value(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof SdkPojo pojo) {
      return tree(pojo);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = f.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = f.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
      return object;
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return f.numberNode(i);
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof Instant instant) {
      return f.textNode(instant.toString());
    }
    return f.textNode(String.valueOf(value));
  }
}
