package org.portvakt;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.portvakt.jni.Dates;
import org.portvakt.jni.PortvaktC;
import org.portvakt.jni.pv_rule;

/**
 * The one writer of the bytes that native/pvj_record.c reads (little-endian ints; a string is
 * its length, -1 for null, its UTF-8 and a NUL), and the one reader of the packed decisions it
 * returns. Strings are checked here, where their path is known: a NUL or a lone surrogate is
 * refused naming the field.
 */
final class Codec {
  /** The rule ids by C value; index 0 (PV_RULE_NONE) is "". */
  private static final String[] RULES = rules();
  private static final Reason[] REASONS = Reason.values();

  private byte[] out;
  private int size;

  /** An encoder for a citizen (grows as needed). */
  Codec() {
    this(256);
  }

  /** An encoder starting with room for {@code capacity} bytes (a query needs about 64). */
  Codec(int capacity) {
    out = new byte[capacity];
  }

  private static String[] rules() {
    int count = pv_rule.PV_RULE_COUNT.swigValue();
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      String name = PortvaktC.pv_rule_name(pv_rule.swigToEnum(i));
      names[i] = name == null ? "" : name;
    }
    return names;
  }

  /** Every rule id the library knows ("A1" ... "H5"), in its order. */
  static List<String> ruleIds() {
    return List.of(Arrays.copyOfRange(RULES, 1, RULES.length));
  }

  byte[] bytes() {
    return Arrays.copyOf(out, size);
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** Forgets what was written after {@code mark} (a size()). */
  void reset(int mark) {
    size = mark;
  }

  private void room(int n) {
    if (size + n > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
    }
  }

  void integer(int v) {
    room(4);
    out[size++] = (byte) v;
    out[size++] = (byte) (v >> 8);
    out[size++] = (byte) (v >> 16);
    out[size++] = (byte) (v >> 24);
  }

  void flag(boolean v) {
    integer(v ? 1 : 0);
  }

  void date(LocalDate d) {
    integer(Dates.pack(d));
  }

  void code(ActorKind v) {
    integer(v == null ? 0 : v.code());
  }

  void interval(Interval i) {
    date(i == null ? null : i.from());
    date(i == null ? null : i.until());
  }

  /** Refuses a NUL character or a lone surrogate in {@code text}, naming {@code path}. */
  static void check(String text, String path) {
    String problem = problem(text);
    if (problem != null) {
      throw new InvalidInputException(path, "V1", problem);
    }
  }

  /** What UTF-8 cannot carry in {@code text} (a NUL, a lone surrogate), or null. */
  static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "must not contain a NUL character";
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return "is not Unicode text (a lone surrogate)";
        }
      }
    }
    return null;
  }

  /** Writes a string of a query; its path ("queries[3].actor.id") is made only for an error. */
  private void string(String s, int index, String key) {
    if (s != null) {
      String problem = problem(s);
      if (problem != null) {
        throw new InvalidInputException(prefix(index) + key, "V1", problem);
      }
    }
    raw(s);
  }

  /** The path before the fields of query {@code index} ("" for a single query, -1). */
  static String prefix(int index) {
    return index < 0 ? "" : "queries[" + index + "].";
  }

  void string(String s, String path) {
    if (s != null) {
      check(s, path);
    }
    raw(s);
  }

  /** Writes a string already checked. */
  private void raw(String s) {
    if (s == null) {
      integer(-1);
      return;
    }
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      integer(s.length());
      room(s.length() + 1);
      for (int i = 0; i < s.length(); i++) {
        out[size++] = (byte) s.charAt(i);
      }
    } else {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      integer(utf8.length);
      room(utf8.length + 1);
      System.arraycopy(utf8, 0, out, size, utf8.length);
      size += utf8.length;
    }
    out[size++] = 0;
  }

  private static int code(Coded e, int none) {
    return e == null ? none : e.code();
  }

  private static String at(String path, int index) {
    return path + "[" + index + "]";
  }

  /** Writes a citizen (field paths from "citizen"). */
  void citizen(Citizen c) {
    String p = "citizen";
    date(c.birthDate());
    string(c.personnummer(), p + ".personnummer");
    flag(c.protectedIdentity());
    flag(c.loginLocked());
    integer(code(c.loginLockRequestedBy(), 0));
    string(c.loginLockCaseNumber(), p + ".login_lock_case_number");
    integer(c.loginLockPeriods().size());
    int i = 0;
    for (LockPeriod l : c.loginLockPeriods()) {
      date(l.from());
      date(l.until());
      integer(code(l.requestedBy(), 0));
      string(l.caseNumber(), at(p + ".login_locked", i++) + ".case_number");
    }
    integer(c.protectedIdentityPeriods().size());
    for (Interval v : c.protectedIdentityPeriods()) {
      interval(v);
    }
    integer(c.seals().size());
    i = 0;
    for (Seal s : c.seals()) {
      integer(code(s.scope(), 0));
      string(s.unit(), at(p + ".seals", i++) + ".unit");
      interval(s.active());
      flag(s.content() != null);
      interval(s.content());
      integer(code(s.requestedBy(), 0));
    }
    integer(c.guardians().size());
    i = 0;
    for (Guardian g : c.guardians()) {
      string(g.id(), at(p + ".guardians", i++) + ".id");
      flag(g.blocked());
      flag(g.protectedIdentity());
      integer(g.blockedPeriods().size());
      for (Interval v : g.blockedPeriods()) {
        interval(v);
      }
      integer(g.protectedIdentityPeriods().size());
      for (Interval v : g.protectedIdentityPeriods()) {
        interval(v);
      }
    }
    integer(c.grants().size());
    i = 0;
    for (Grant g : c.grants()) {
      string(g.holder(), at(p + ".grants", i) + ".holder");
      string(g.unit(), at(p + ".grants", i++) + ".unit");
      date(g.from());
      date(g.until());
    }
    integer(c.representatives().size());
    i = 0;
    for (Representative r : c.representatives()) {
      string(r.id(), at(p + ".representatives", i++) + ".id");
      integer(code(r.kind(), 0));
      flag(r.caresForPerson());
      flag(r.consent());
      flag(r.courtOrder());
      date(r.from());
      date(r.until());
    }
  }

  /** Writes one query: an actor and a service (of a batch when {@code index} is not -1). */
  void query(Actor a, Service s, int index) {
    if (a == null) {
      throw new InvalidInputException(prefix(index) + "actor", "V1", "is required");
    }
    if (s == null) {
      throw new InvalidInputException(prefix(index) + "service", "V1", "is required");
    }
    integer(code(a.kind(), 0));
    string(a.id(), index, "actor.id");
    integer(code(a.eid(), 0));
    flag(a.loginLocked());
    flag(a.journalSealed());
    integer(code(s.kind(), 0));
    integer(code(s.channel(), 0));
    string(s.unit(), index, "service.unit");
    date(s.entryDate());
  }

  /** The decision packed by pvj_pack_decision(), for an actor of kind {@code asker}. */
  static Decision decision(long w, ActorKind asker) {
    int reasons = (int) (w & 0xFFFFFF);
    Reason reason = REASONS[(int) (w >>> 24 & 31)];
    String rule = RULES[(int) (w >>> 29 & 127)];
    Effect effect = (w >>> 36 & 1) != 0 ? Effect.PERMIT : Effect.DENY;
    boolean filtered = (w >>> 37 & 1) != 0;
    LocalDate changesOn = Dates.unpack((int) (w >>> 38 & 0x7FFFFF));
    return new Decision(effect, reason, reasons, rule, filtered, changesOn, null, null,
        asker == null ? ActorKind.OTHER : asker);
  }
}
