package org.portvakt.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text read with Jackson's streaming parser into plain values: {@link Obj} (members in
 * order, a member named twice remembered, not resolved), {@link List}, String, Boolean,
 * {@link #NUMBER} and {@link #NULL}. The text must be UTF-8 (a BOM is ignored), at most {@link #MAX_BYTES}
 * bytes, nested at most {@link #MAX_DEPTH} deep, one value with nothing after it.
 *
 * <p>Duplicates are kept as data rather than refused by the parser (Jackson's
 * STRICT_DUPLICATE_DETECTION) so that the reader of the formats can name the member by its
 * path (RULES.md section 10, strict reading) and fail only the vector that holds it.
 */
public final class JsonText {
  /** The largest JSON text read: 64 MiB. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;
  /** The deepest nesting of arrays and objects. */
  public static final int MAX_DEPTH = 64;
  /** JSON null (distinct from a member left out). */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** Any JSON number (the formats hold none, so the value is never converted). */
  public static final Object NUMBER = new Object() {
    @Override
    public String toString() {
      return "a number";
    }
  };

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** A JSON object: its members in order, and the first member named twice (or null). */
  public static final class Obj {
    /** The members. */
    public final Map<String, Object> members = new LinkedHashMap<>();
    /** The first member named twice, or null. */
    public String duplicate;
  }

  /** Text that cannot be read: not UTF-8, too large or deep, not JSON. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private JsonText() {}

  /** Reads all of {@code in} (at most MAX_BYTES) and parses it. */
  public static Object read(InputStream in) throws IOException, Refused {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new Refused("is larger than " + MAX_BYTES / (1024 * 1024) + " MiB (the limit)");
    }
    return parse(bytes);
  }

  /** Parses UTF-8 JSON text. */
  public static Object parse(byte[] bytes) throws Refused {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Refused("is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new Refused("not valid JSON: no value");
      }
      Object value = value(p, first, 0);
      if (p.nextToken() != null) {
        throw new Refused("not valid JSON: extra data after the value (line "
            + p.getTokenLocation().getLineNr() + ")");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new Refused("not valid JSON: " + e.getOriginalMessage() + " (line "
          + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ")");
    } catch (IOException e) {
      throw new Refused("not valid JSON: " + e.getMessage());
    }
  }

  private static Object value(JsonParser p, JsonToken t, int depth) throws IOException, Refused {
    switch (t) {
      case START_OBJECT -> {
        if (depth >= MAX_DEPTH) {
          throw new Refused("is nested deeper than " + MAX_DEPTH + " arrays and objects (the limit)");
        }
        Obj o = new Obj();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.getCurrentName();
          Object v = value(p, p.nextToken(), depth + 1);
          if (o.members.containsKey(name)) {
            if (o.duplicate == null) {
              o.duplicate = name;
            }
          } else {
            o.members.put(name, v);
          }
        }
        return o;
      }
      case START_ARRAY -> {
        if (depth >= MAX_DEPTH) {
          throw new Refused("is nested deeper than " + MAX_DEPTH + " arrays and objects (the limit)");
        }
        List<Object> a = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          a.add(value(p, k, depth + 1));
        }
        return a;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return NUMBER; // never converted: no format of section 10 holds a number
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new Refused("not valid JSON: unexpected " + t);
    }
  }
}
