package org.portvakt.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portvakt.AccessRow;
import org.portvakt.Actor;
import org.portvakt.Channel;
import org.portvakt.Citizen;
import org.portvakt.Decision;
import org.portvakt.Guardian;
import org.portvakt.InvalidInputException;
import org.portvakt.Portvakt;
import org.portvakt.Representative;
import org.portvakt.Service;
import org.portvakt.ServiceKind;
import org.portvakt.TimelineStep;

/**
 * The vectors of tests/conformance/beyond/ that the Java binding answers: {@code who} (who can
 * see what) and {@code timeline}, in the format of that directory's README, answered and compared
 * as the Python runner does (rows and steps in order, each expected object matched on the keys it
 * gives; or the expected error {@code {"error": "PV_ERR_INVALID_INPUT", "field": ...}}). The
 * other questions (advise, plan, may) are answered by the Python package only.
 */
public final class Questions {
  private static final String ERROR = "PV_ERR_INVALID_INPUT";

  private Questions() {}

  /** True if the Java binding answers {@code question}. */
  public static boolean answers(Object question) {
    return "who".equals(question) || "timeline".equals(question);
  }

  /** A question vector: its name and the differences of its answer from its expect. */
  public record Result(String name, List<Vectors.Difference> differences) {}

  /** Runs the vector {@code v} at {@code path} ("[3]"); Vectors.Broken for one that cannot be read. */
  public static Result run(JsonText.Obj v, String path) {
    Object name = v.members.get("name");
    if (!(name instanceof String n)) {
      throw new Vectors.Broken(path + ".name: is required (a string)");
    }
    if (v.duplicate != null) {
      throw new Vectors.Broken(path + "." + v.duplicate + ": appears twice in one object");
    }
    Object expect = v.members.get("expect");
    boolean expectsError = expect instanceof JsonText.Obj e && e.members.containsKey("error");
    if (expectsError) {
      Object error = ((JsonText.Obj) expect).members.get("error");
      if (!ERROR.equals(error)) {
        throw new Vectors.Broken(path + ".expect.error: must be '" + ERROR + "'");
      }
    } else if (!(expect instanceof List)) {
      throw new Vectors.Broken(path + ".expect: must be an array, not " + Formats.type(expect));
    }
    Object answer;
    try {
      answer = answer(v.members);
    } catch (InvalidInputException e) {
      if (!expectsError) {
        Map<String, Object> got = new LinkedHashMap<>();
        got.put("error", ERROR);
        got.put("field", e.field());
        got.put("detail", e.detail());
        return new Result(n, List.of(new Vectors.Difference("expect", "an answer", got)));
      }
      Object field = ((JsonText.Obj) expect).members.get("field");
      if (field instanceof String f && !f.equals(e.field())) {
        return new Result(n, List.of(new Vectors.Difference("field", f, e.field())));
      }
      return new Result(n, List.of());
    }
    if (expectsError) {
      return new Result(n, List.of(new Vectors.Difference("error", ERROR, answer)));
    }
    return new Result(n, inOrder((List<?>) expect, (List<?>) answer, "expect"));
  }

  private static Object arg(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == JsonText.NULL) {
      return null;
    }
    if (v instanceof String s) {
      Formats.text(s, key);
    }
    return v;
  }

  private static Object answer(Map<String, Object> m) {
    for (String key : List.of("actor", "service", "unit", "channel", "from", "to")) {
      arg(m, key);
    }
    Object citizenJson = m.get("citizen");
    Citizen citizen = Formats.citizen(citizenJson == JsonText.NULL ? null : citizenJson, "citizen");
    if ("timeline".equals(m.get("question"))) {
      LocalDate from = Formats.date(arg(m, "from"), "from");
      LocalDate to = Formats.date(arg(m, "to"), "to");
      for (String key : List.of("actor", "service")) {
        if (arg(m, key) == null) {
          throw new InvalidInputException(key, "V1", "is required");
        }
      }
      Actor actor = actorNamed(citizen, arg(m, "actor"));
      Service service = serviceNamed(arg(m, "service"), arg(m, "unit"), arg(m, "channel"));
      List<Object> steps = new ArrayList<>();
      for (TimelineStep s : Portvakt.timeline(citizen, actor, service, from, to)) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("from", s.from().toString());
        step.putAll(decision(s.decision()));
        steps.add(step);
      }
      return steps;
    }
    LocalDate on = Formats.date(arg(m, "on"), "on");
    List<Object> rows = new ArrayList<>();
    for (AccessRow r : Portvakt.whoCanSee(citizen, on)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("actor", r.actorId() == null ? "self" : r.actorId());
      row.put("kind", r.actorKind().json());
      row.put("service", r.service().json());
      row.put("unit", r.unit() == null ? JsonText.NULL : r.unit());
      row.putAll(decision(r.decision()));
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, Object> decision(Decision d) {
    Map<String, Object> out = Json.decision(d);
    out.remove("field");
    out.remove("detail");
    return out;
  }

  /** "self", a guardian's or representative's id, or "guardian:ID" / "representative:ID". */
  static Actor actorNamed(Citizen citizen, Object value) {
    if (!(value instanceof String name)) {
      throw new InvalidInputException("actor", "V1", "must be a string, not " + Formats.type(value));
    }
    if (name.equals("self")) {
      return Actor.self();
    }
    List<String> guardians = citizen.guardians().stream().map(Guardian::id).toList();
    List<String> representatives = citizen.representatives().stream().map(Representative::id).toList();
    int colon = name.indexOf(':');
    if (colon >= 0) {
      String kind = name.substring(0, colon);
      String rest = name.substring(colon + 1);
      if (!rest.isEmpty() && kind.equals("guardian") && guardians.contains(rest)) {
        return Actor.guardian(rest);
      }
      if (!rest.isEmpty() && kind.equals("representative") && representatives.contains(rest)) {
        return Actor.representative(rest);
      }
    }
    if (guardians.contains(name)) {
      return Actor.guardian(name);
    }
    if (representatives.contains(name)) {
      return Actor.representative(name);
    }
    throw new InvalidInputException("actor", "V1",
        "'" + name + "' is not self, a guardian or a representative of the record");
  }

  /** "e_services" (the portal) or "journal" (whole or a unit, the direct channel by default). */
  static Service serviceNamed(Object value, Object unit, Object channel) {
    if (!(value instanceof String name)) {
      throw new InvalidInputException("service", "V1", "must be a string, not " + Formats.type(value));
    }
    ServiceKind kind = ServiceKind.fromJson(name);
    if (kind == null) {
      throw new InvalidInputException("service", "V1", "is not one of e_services, journal");
    }
    if (unit != null && !(unit instanceof String)) {
      throw new InvalidInputException("unit", "V1", "must be a string, not " + Formats.type(unit));
    }
    if (kind == ServiceKind.E_SERVICES) {
      if (unit != null) {
        throw new InvalidInputException("unit", "V1", "e-services are asked without a unit");
      }
      return Service.eServices();
    }
    Channel via = Channel.DIRECT;
    if (channel != null) {
      via = channel instanceof String c ? Channel.fromJson(c) : null;
      if (via == null) {
        throw new InvalidInputException("channel", "V1", "is not one of portal, direct");
      }
    }
    return new Service(ServiceKind.JOURNAL, via, (String) unit, null);
  }

  private static boolean subset(Object expected, Object actual) {
    if (expected instanceof JsonText.Obj e) {
      if (!(actual instanceof Map<?, ?> a)) {
        return false;
      }
      for (Map.Entry<String, Object> m : e.members.entrySet()) {
        if (!a.containsKey(m.getKey()) || !subset(m.getValue(), a.get(m.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return Json.same(expected, actual);
  }

  private static List<Vectors.Difference> inOrder(List<?> expected, List<?> actual, String path) {
    if (expected.size() != actual.size()) {
      return List.of(new Vectors.Difference(path + " (the number of items)", expected.size(), actual.size()));
    }
    List<Vectors.Difference> out = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      if (!subset(expected.get(i), actual.get(i))) {
        out.add(new Vectors.Difference(path + "[" + i + "]", expected.get(i), actual.get(i)));
      }
    }
    return out;
  }
}
