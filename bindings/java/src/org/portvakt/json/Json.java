package org.portvakt.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portvakt.Decision;
import org.portvakt.Reason;

/**
 * Writing JSON as the Python command writes it (json.dumps): a decision as the object of
 * {@code portvakt eval}, compact values in the lines of {@code portvakt check}, and the pretty
 * form with an indent of two. Non-ASCII characters are escaped (pure ASCII output).
 */
public final class Json {
  private Json() {}

  /** The decision as {@code portvakt eval} prints it. */
  public static Map<String, Object> decision(Decision d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("effect", d.effect().json());
    out.put("reason", d.reason().json());
    List<Object> reasons = new ArrayList<>();
    for (Reason r : d.reasons()) {
      reasons.add(r.json());
    }
    out.put("reasons", reasons);
    out.put("rule", d.rule());
    out.put("filtered", d.filtered());
    out.put("changes_on", d.changesOn().map(Object::toString).orElse(null) == null
        ? JsonText.NULL : d.changesOn().get().toString());
    if (d.field() != null) {
      out.put("field", d.field());
      out.put("detail", d.detail());
    }
    return out;
  }

  /** True if two JSON values are equal. */
  static boolean same(Object a, Object b) {
    return a == null ? b == null || b == JsonText.NULL : b == null ? a == JsonText.NULL : a.equals(b);
  }

  /** One line, as json.dumps without indent: {@code ["A", "B"]}. */
  public static String compact(Object v) {
    StringBuilder out = new StringBuilder();
    write(out, v, -1, 0);
    return out.toString();
  }

  /** Indented by two, as json.dumps(indent=2). */
  public static String pretty(Object v) {
    StringBuilder out = new StringBuilder();
    write(out, v, 2, 0);
    return out.toString();
  }

  private static void newline(StringBuilder out, int indent, int depth) {
    out.append('\n');
    out.append(" ".repeat(indent * depth));
  }

  private static void write(StringBuilder out, Object v, int indent, int depth) {
    if (v == null || v == JsonText.NULL) {
      out.append("null");
    } else if (v instanceof Boolean || v instanceof Number || v == JsonText.NUMBER) {
      out.append(v);
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : indent < 0 ? ", " : ",");
        first = false;
        if (indent >= 0) {
          newline(out, indent, depth + 1);
        }
        write(out, item, indent, depth + 1);
      }
      if (indent >= 0) {
        newline(out, indent, depth);
      }
      out.append(']');
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : indent < 0 ? ", " : ",");
        first = false;
        if (indent >= 0) {
          newline(out, indent, depth + 1);
        }
        string(out, String.valueOf(e.getKey()));
        out.append(": ");
        write(out, e.getValue(), indent, depth + 1);
      }
      if (indent >= 0) {
        newline(out, indent, depth);
      }
      out.append('}');
    } else if (v instanceof JsonText.Obj o) {
      write(out, o.members, indent, depth);
    } else {
      string(out, v.toString());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7F) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
