package org.portvakt.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.portvakt.Actor;
import org.portvakt.ActorKind;
import org.portvakt.Channel;
import org.portvakt.Citizen;
import org.portvakt.Eid;
import org.portvakt.Grant;
import org.portvakt.Guardian;
import org.portvakt.Interval;
import org.portvakt.InvalidInputException;
import org.portvakt.LockPeriod;
import org.portvakt.Representative;
import org.portvakt.RepresentativeKind;
import org.portvakt.Requester;
import org.portvakt.Seal;
import org.portvakt.SealScope;
import org.portvakt.Service;
import org.portvakt.ServiceKind;

/**
 * The citizen, actor and service of RULES.md section 10, read strictly (the "Strict reading"
 * item, V1: nothing is guessed): a member the section does not define, a member named twice, a
 * flag that is not true/false/null, a date that is not exactly an existing YYYY-MM-DD of years
 * 0001-9999, or a value of the wrong JSON type is an {@link InvalidInputException} naming its
 * path ({@code citizen.guardians[0].nickname}). A member given as null means the same as the
 * member left out; omitted members take the defaults of section 10 (false, empty lists, open
 * ends, channel portal, eid bankid, grant holder self, requested_by care). An array is read up
 * to one element past the cap of section 8, which the library then refuses.
 */
public final class Formats {
  private static final String V1 = "V1";
  /** The caps of RULES.md section 8 (PV_MAX_*): a reader reads one element past a cap, which the
      library then refuses naming the array, and no further. */
  static final int MAX_SEALS = 1024;
  static final int MAX_GRANTS = 1024;
  static final int MAX_GUARDIANS = 16;
  static final int MAX_REPRESENTATIVES = 16;
  static final int MAX_PERIODS = 256;

  private Formats() {}

  /** A JSON object at a path, with only the members 'allowed'. */
  static final class O {
    final JsonText.Obj value;
    final String path;

    O(Object value, String path, Set<String> allowed) {
      if (!(value instanceof JsonText.Obj obj)) {
        throw new InvalidInputException(path, V1, "must be an object, not " + type(value));
      }
      if (obj.duplicate != null) {
        throw new InvalidInputException(Formats.at(path, obj.duplicate), V1, "appears twice in one object");
      }
      for (String key : obj.members.keySet()) {
        if (!allowed.contains(key)) {
          throw new InvalidInputException(Formats.at(path, key), V1, "is not a known field");
        }
      }
      this.value = obj;
      this.path = path;
    }

    String at(String key) {
      return Formats.at(path, key);
    }

    /** The member, or null when it is left out or null. */
    Object get(String key) {
      Object v = value.members.get(key);
      return v == JsonText.NULL ? null : v;
    }

    Object required(String key) {
      Object v = get(key);
      if (v == null) {
        throw new InvalidInputException(at(key), V1, "is required");
      }
      return v;
    }

    boolean flag(String key) {
      Object v = get(key);
      if (v == null) {
        return false;
      }
      if (!(v instanceof Boolean b)) {
        throw new InvalidInputException(at(key), V1, "must be true or false, not " + type(v));
      }
      return b;
    }

    String string(String key, boolean required) {
      Object v = required ? required(key) : get(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof String s)) {
        throw new InvalidInputException(at(key), V1, "must be a string, not " + type(v));
      }
      return text(s, at(key));
    }

    LocalDate date(String key) {
      Object v = get(key);
      return v == null ? null : Formats.date(v, at(key));
    }

    <E> E choice(String key, Function<String, E> names, String all, E fallback) {
      Object v = fallback == null ? required(key) : get(key);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof String s)) {
        throw new InvalidInputException(at(key), V1, "must be a string, not " + type(v));
      }
      E e = names.apply(s);
      if (e == null) {
        throw new InvalidInputException(at(key), V1, "is not one of " + all);
      }
      return e;
    }

    List<Object> array(String key, int cap) {
      Object v = get(key);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        throw new InvalidInputException(at(key), V1, "must be an array, not " + type(v));
      }
      @SuppressWarnings("unchecked")
      List<Object> items = (List<Object>) list;
      return items.size() > cap + 1 ? items.subList(0, cap + 1) : items;
    }
  }

  /** {@code s} if UTF-8 can carry it: a lone surrogate (JSON can spell one, "\ud800") is
      refused naming the field, as soon as it is read. */
  static String text(String s, String path) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidInputException(path, V1, "is not Unicode text (a lone surrogate)");
      }
    }
    return s;
  }

  static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String at(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The JSON type of a value, for messages ("a string"). */
  public static String type(Object v) {
    if (v == null || v == JsonText.NULL) {
      return "null";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v == JsonText.NUMBER) {
      return "a number";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof List) {
      return "an array";
    }
    return "an object";
  }

  /** A date from exactly "YYYY-MM-DD" that exists, years 0001-9999. */
  public static LocalDate date(Object v, String path) {
    if (!(v instanceof String s)) {
      throw new InvalidInputException(path, V1, "must be a date string YYYY-MM-DD, not " + type(v));
    }
    boolean form = s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-';
    for (int i = 0; i < s.length() && form; i++) {
      form = i == 4 || i == 7 || (s.charAt(i) >= '0' && s.charAt(i) <= '9');
    }
    if (!form) {
      throw new InvalidInputException(path, V1, "is not of the form YYYY-MM-DD");
    }
    int year = Integer.parseInt(s.substring(0, 4));
    try {
      if (year < 1) {
        throw new DateTimeException("year 0");
      }
      return LocalDate.of(year, Integer.parseInt(s.substring(5, 7)), Integer.parseInt(s.substring(8, 10)));
    } catch (DateTimeException e) {
      throw new InvalidInputException(path, V1, "is not a date that exists");
    }
  }

  private static Interval interval(Object v, String path) {
    O o = new O(v, path, Set.of("from", "until"));
    return new Interval(o.date("from"), o.date("until"));
  }

  /** A fact of section 11 (H1): a flag, or a list of periods. */
  private record Fact<T>(boolean flag, List<T> periods) {}

  private static Fact<Interval> fact(O o, String key) {
    Object v = o.get(key);
    if (!(v instanceof List)) {
      return new Fact<>(o.flag(key), List.of());
    }
    List<Interval> out = new ArrayList<>();
    int i = 0;
    for (Object item : o.array(key, MAX_PERIODS)) {
      out.add(interval(item, at(o.at(key), i++)));
    }
    return new Fact<>(false, out);
  }

  private static Fact<LockPeriod> lockFact(O o, String key) {
    Object v = o.get(key);
    if (!(v instanceof List)) {
      return new Fact<>(o.flag(key), List.of());
    }
    List<LockPeriod> out = new ArrayList<>();
    int i = 0;
    for (Object item : o.array(key, MAX_PERIODS)) {
      O p = new O(item, at(o.at(key), i++), Set.of("from", "until", "requested_by", "case_number"));
      out.add(new LockPeriod(p.date("from"), p.date("until"),
          p.choice("requested_by", Requester::fromJson, names(Requester.values()), Requester.CARE),
          p.string("case_number", false)));
    }
    return new Fact<>(false, out);
  }

  static String names(Enum<?>[] values) {
    StringBuilder out = new StringBuilder();
    for (Enum<?> e : values) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(e.name().toLowerCase(java.util.Locale.ROOT));
    }
    return out.toString();
  }

  private static final Set<String> CITIZEN = Set.of("birth_date", "personnummer",
      "protected_identity", "login_locked", "login_lock_requested_by", "login_lock_case_number",
      "seals", "guardians", "grants", "representatives");

  /** A citizen from its JSON object at {@code path}. */
  public static Citizen citizen(Object value, String path) {
    O o = new O(value, path, CITIZEN);
    // The order of the Python reader, so that both name the same field first.
    Fact<Interval> prot = fact(o, "protected_identity");
    Fact<LockPeriod> lock = lockFact(o, "login_locked");
    LocalDate birth = o.date("birth_date");
    String pnr = o.string("personnummer", false);
    Requester requestedBy = o.choice("login_lock_requested_by", Requester::fromJson,
        names(Requester.values()), Requester.CARE);
    String caseNumber = o.string("login_lock_case_number", false);
    List<Seal> seals = new ArrayList<>();
    int i = 0;
    for (Object item : o.array("seals", MAX_SEALS)) {
      O s = new O(item, at(o.at("seals"), i++), Set.of("scope", "unit", "active", "content", "requested_by"));
      Object active = s.get("active");
      Object content = s.get("content");
      seals.add(new Seal(
          s.choice("scope", SealScope::fromJson, names(SealScope.values()), null),
          s.string("unit", false),
          active == null ? Interval.ALWAYS : interval(active, s.at("active")),
          content == null ? null : interval(content, s.at("content")),
          s.choice("requested_by", Requester::fromJson, names(Requester.values()), Requester.CARE)));
    }
    List<Guardian> guardians = new ArrayList<>();
    i = 0;
    for (Object item : o.array("guardians", MAX_GUARDIANS)) {
      O g = new O(item, at(o.at("guardians"), i++), Set.of("id", "blocked", "protected_identity"));
      Fact<Interval> blocked = fact(g, "blocked");
      Fact<Interval> protectedIdentity = fact(g, "protected_identity");
      guardians.add(new Guardian(g.string("id", true), blocked.flag(), protectedIdentity.flag(),
          blocked.periods(), protectedIdentity.periods()));
    }
    List<Grant> grants = new ArrayList<>();
    i = 0;
    for (Object item : o.array("grants", MAX_GRANTS)) {
      O g = new O(item, at(o.at("grants"), i++), Set.of("holder", "unit", "from", "until"));
      String holder = g.string("holder", false);
      grants.add(new Grant(holder == null ? Grant.SELF : holder, g.string("unit", true),
          g.date("from"), g.date("until")));
    }
    List<Representative> representatives = new ArrayList<>();
    i = 0;
    for (Object item : o.array("representatives", MAX_REPRESENTATIVES)) {
      O r = new O(item, at(o.at("representatives"), i++),
          Set.of("id", "kind", "cares_for_person", "consent", "court_order", "from", "until"));
      representatives.add(new Representative(r.string("id", true),
          r.choice("kind", RepresentativeKind::fromJson, names(RepresentativeKind.values()), null),
          r.flag("cares_for_person"), r.flag("consent"), r.flag("court_order"),
          r.date("from"), r.date("until")));
    }
    return new Citizen(birth, pnr, prot.flag(), lock.flag(), requestedBy, caseNumber, seals,
        guardians, grants, representatives, lock.periods(), prot.periods());
  }

  /** An actor from its JSON object at {@code path}. */
  public static Actor actor(Object value, String path) {
    O o = new O(value, path, Set.of("kind", "id", "eid", "login_locked", "journal_sealed"));
    return new Actor(
        o.choice("kind", ActorKind::fromJson, names(ActorKind.values()), null),
        o.string("id", false),
        o.choice("eid", Eid::fromJson, names(Eid.values()), Eid.BANKID),
        o.flag("login_locked"),
        o.flag("journal_sealed"));
  }

  /** A service from its JSON object at {@code path}. */
  public static Service service(Object value, String path) {
    O o = new O(value, path, Set.of("kind", "channel", "unit", "entry_date"));
    return new Service(
        o.choice("kind", ServiceKind::fromJson, names(ServiceKind.values()), null),
        o.choice("channel", Channel::fromJson, names(Channel.values()), Channel.PORTAL),
        o.string("unit", false),
        o.date("entry_date"));
  }
}
