package org.portvakt.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portvakt.Actor;
import org.portvakt.Citizen;
import org.portvakt.Decision;
import org.portvakt.InvalidInputException;
import org.portvakt.Portvakt;
import org.portvakt.Reason;
import org.portvakt.Service;

/**
 * The decision vectors and requests of RULES.md section 10. A vector's request part (on,
 * citizen, actor, service) that cannot be read is the fail-closed decision naming the field; a
 * vector whose name, rules or expect cannot be read is a broken file. Members of a vector other
 * than those of section 10 are ignored (the strict reading: "runners ignore" them).
 */
public final class Vectors {
  private Vectors() {}

  /** A request: the four members of section 10, or the error that reading them gave. */
  public record Request(Citizen citizen, Actor actor, Service service, LocalDate on,
      InvalidInputException error) {
    /** The decision: the fail-closed one for input that could not be read or is malformed. */
    public Decision decide() {
      if (error != null) {
        return Decision.invalid(error.field(), error.detail());
      }
      try {
        return Portvakt.evaluate(citizen, actor, service, on);
      } catch (InvalidInputException e) {
        return Decision.invalid(e.field(), e.detail());
      }
    }
  }

  /** Reads the request members of {@code o} (at the top level: paths "citizen.…"). */
  static Request request(JsonText.Obj o) {
    try {
      Map<String, Object> m = o.members;
      Citizen c = Formats.citizen(present(m, "citizen"), "citizen");
      Actor a = Formats.actor(present(m, "actor"), "actor");
      Service s = Formats.service(present(m, "service"), "service");
      LocalDate on = Formats.date(present(m, "on"), "on");
      return new Request(c, a, s, on, null);
    } catch (InvalidInputException e) {
      return new Request(null, null, null, null, e);
    }
  }

  private static Object present(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null || v == JsonText.NULL) {
      throw new InvalidInputException(key, "V1", "is required");
    }
    return v;
  }

  /** A request file (eval): an object with exactly on, citizen, actor, service. */
  public static Request requestFile(Object value) {
    Formats.O o = new Formats.O(value, "", Set.of("on", "citizen", "actor", "service"));
    return request(o.value);
  }

  /** One difference of a decision from its expectation, values in JSON form. */
  public record Difference(String field, Object expected, Object actual) {
    @Override
    public String toString() {
      return field + ": expected " + Json.compact(expected) + ", got " + Json.compact(actual);
    }
  }

  /** A decision vector. */
  public record Vector(String name, Map<String, Object> expect, Request request) {
    /** Where the decision differs from expect; empty when the vector passes. */
    public List<Difference> differences() {
      Map<String, Object> actual = Json.decision(request.decide());
      List<Difference> out = new ArrayList<>();
      for (Map.Entry<String, Object> e : expect.entrySet()) {
        Object got = actual.getOrDefault(e.getKey(), JsonText.NULL);
        if (!Json.same(e.getValue(), got)) {
          out.add(new Difference(e.getKey(), e.getValue(), got));
        }
      }
      return out;
    }
  }

  /** A vector that cannot be read: the file is broken (exit 2). */
  public static final class Broken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Broken(InvalidInputException e) {
      super(e.field() + ": " + e.detail());
    }

    Broken(String message) {
      super(message);
    }
  }

  /** A decision vector from its object at {@code path} ("[3]"). */
  public static Vector vector(JsonText.Obj v, String path) {
    try {
      if (v.duplicate != null && !Set.of("on", "citizen", "actor", "service").contains(v.duplicate)) {
        throw new InvalidInputException(path + "." + v.duplicate, "V1", "appears twice in one object");
      }
      Object name = v.members.get("name");
      if (!(name instanceof String)) {
        throw new InvalidInputException(path + ".name", "V1",
            name == null || name == JsonText.NULL ? "is required" : "must be a string, not " + Formats.type(name));
      }
      rules(v.members.get("rules"), path + ".rules");
      Map<String, Object> expect = expect(v.members.get("expect"), path + ".expect");
      Request request = request(v);
      if (v.duplicate != null && request.error() == null) {
        request = new Request(null, null, null, null,
            new InvalidInputException(v.duplicate, "V1", "appears twice in one object"));
      }
      return new Vector((String) name, expect, request);
    } catch (InvalidInputException e) {
      throw new Broken(e);
    }
  }

  private static void rules(Object value, String path) {
    if (value == null || value == JsonText.NULL) {
      return;
    }
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException(path, "V1", "must be an array, not " + Formats.type(value));
    }
    List<String> known = Portvakt.rules();
    int i = 0;
    for (Object r : list) {
      String at = path + "[" + i++ + "]";
      if (!(r instanceof String s)) {
        throw new InvalidInputException(at, "V1", "must be a string, not " + Formats.type(r));
      }
      if (!known.contains(s)) {
        throw new InvalidInputException(at, "V1", "'" + s + "' is not a rule id of RULES.md");
      }
    }
  }

  /** The expectation in JSON form: effect and reason always, the others when present. */
  private static Map<String, Object> expect(Object value, String path) {
    Formats.O o = new Formats.O(value, path,
        Set.of("effect", "reason", "reasons", "filtered", "changes_on", "rule", "field"));
    Map<String, Object> out = new LinkedHashMap<>();
    String effect = o.string("effect", true);
    if (!effect.equals("permit") && !effect.equals("deny")) {
      throw new InvalidInputException(o.at("effect"), "V1", "is not one of permit, deny");
    }
    out.put("effect", effect);
    String reason = o.string("reason", true);
    if (Reason.fromJson(reason) == null) {
      throw new InvalidInputException(o.at("reason"), "V1", "is not a reason of RULES.md section 4");
    }
    out.put("reason", reason);
    if (o.get("reasons") != null) {
      List<Object> reasons = new ArrayList<>();
      int i = 0;
      for (Object r : o.array("reasons", Integer.MAX_VALUE - 1)) {
        String at = o.at("reasons") + "[" + i++ + "]";
        if (!(r instanceof String s)) {
          throw new InvalidInputException(at, "V1", "must be a string, not " + Formats.type(r));
        }
        if (Reason.fromJson(s) == null) {
          throw new InvalidInputException(at, "V1", "is not a reason of RULES.md section 4");
        }
        reasons.add(s);
      }
      out.put("reasons", reasons);
    }
    if (o.get("filtered") != null) {
      out.put("filtered", o.flag("filtered"));
    }
    if (o.value.members.containsKey("changes_on")) {
      LocalDate d = o.date("changes_on");
      out.put("changes_on", d == null ? JsonText.NULL : d.toString());
    }
    String rule = o.string("rule", false);
    if (rule != null) {
      if (!Portvakt.rules().contains(rule)) {
        throw new InvalidInputException(o.at("rule"), "V1", "is not a rule id of RULES.md");
      }
      out.put("rule", rule);
    }
    String field = o.string("field", false);
    if (field != null) {
      out.put("field", field);
    }
    return out;
  }
}
