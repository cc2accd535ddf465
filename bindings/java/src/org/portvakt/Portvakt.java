package org.portvakt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portvakt.jni.PortvaktC;
import org.portvakt.jni.SWIGTYPE_p_pvj_record;
import org.portvakt.jni.pv_actor_kind;
import org.portvakt.jni.pv_language;
import org.portvakt.jni.pv_reason;

/**
 * The access rules of the 1177 patient portal (RULES.md): may this person, on this date, reach
 * this citizen's e-services or journal — and if not, why not?
 *
 * <p>Every method is thread-safe: the library holds no state. Each call crosses into the C
 * library once. Malformed input throws the unchecked {@link InvalidInputException} naming the
 * field (V1); {@link Decision#invalid} is the fail-closed decision a caller may use instead.
 * The audit of access logs and the measures planner are not in the Java binding (they are in
 * the Python package).
 */
public final class Portvakt {
  private Portvakt() {}

  /** The version of the library ("0.1.0"). */
  public static String version() {
    return PortvaktC.pv_version();
  }

  /** Every rule id of RULES.md the library knows ("A1" ... "H5"), in its order. */
  public static List<String> rules() {
    return Codec.ruleIds();
  }

  static SWIGTYPE_p_pvj_record record(Citizen citizen, boolean prepare) {
    if (citizen == null) {
      throw new InvalidInputException("citizen", "V1", "is required");
    }
    Codec codec = new Codec();
    codec.citizen(citizen);
    return PortvaktC.pvj_record_new(codec.bytes(), prepare ? 1 : 0);
  }

  /**
   * Decides whether {@code actor} may reach {@code service} of {@code citizen} on {@code on}
   * (RULES.md section 3 and T1).
   *
   * @throws InvalidInputException for malformed input, naming the field
   */
  public static Decision evaluate(Citizen citizen, Actor actor, Service service, LocalDate on) {
    SWIGTYPE_p_pvj_record r = record(citizen, false);
    try {
      Codec codec = new Codec(64);
      codec.query(actor, service, -1);
      return Codec.decision(PortvaktC.pvj_evaluate(r, codec.bytes(), on), actor.kind());
    } finally {
      PortvaktC.pvj_record_free(r);
    }
  }

  /** The first later date on which the decision changes (T1): the date a cache may keep it. */
  public static Optional<LocalDate> changesOn(Citizen citizen, Actor actor, Service service, LocalDate on) {
    return evaluate(citizen, actor, service, on).changesOn();
  }

  /**
   * Validates {@code citizen} once into native memory for many questions (see
   * {@link PreparedRecord}: close it, or let the cleaner free it).
   *
   * @throws InvalidInputException for a malformed citizen, naming the field
   */
  public static PreparedRecord prepare(Citizen citizen) {
    return new PreparedRecord(citizen, record(citizen, true));
  }

  /**
   * The decisions of many queries on {@code on}, in order: the answers of {@link #evaluate},
   * each run of queries with the same citizen (the same object) prepared once, in one call into
   * the library a run. An invalid query gets the
   * fail-closed deny naming its field ({@code queries[7].actor.id}); never throws for it.
   */
  public static List<Decision> evaluateMany(List<Query> queries, LocalDate on) {
    List<Decision> out = new ArrayList<>(queries.size());
    int start = 0;
    while (start < queries.size()) {
      Citizen citizen = queries.get(start).citizen();
      int end = start + 1;
      while (end < queries.size() && queries.get(end).citizen() == citizen) {
        end++;
      }
      List<Request> run = new ArrayList<>(end - start);
      for (Query q : queries.subList(start, end)) {
        run.add(new Request(q.actor(), q.service()));
      }
      // A run of one query is validated by pv_evaluate; a longer run is prepared once.
      try (PreparedRecord record = end - start == 1
          ? new PreparedRecord(citizen, record(citizen, false)) : prepare(citizen)) {
        List<Decision> answers = record.evaluateMany(run, on);
        for (int i = 0; i < answers.size(); i++) {
          Decision d = answers.get(i);
          if (d.field() != null && d.field().startsWith("queries[" + i + "].")) {
            d = Decision.invalid("queries[" + (start + i) + "]."
                + d.field().substring(("queries[" + i + "].").length()), d.detail());
          }
          out.add(d);
        }
      } catch (InvalidInputException e) {
        for (int i = start; i < end; i++) {
          out.add(Decision.invalid("queries[" + i + "]." + e.field(), e.detail()));
        }
      }
      start = end;
    }
    return List.copyOf(out);
  }

  /**
   * Who can see what on {@code on}: for the citizen, each guardian and each representative, the
   * e-services, the journal and each unit the record names, with the decision (each actor taken
   * as logged in with BankID; the journal asked through the direct channel).
   *
   * @throws InvalidInputException for a malformed citizen
   */
  public static List<AccessRow> whoCanSee(Citizen citizen, LocalDate on) {
    try (PreparedRecord r = new PreparedRecord(citizen, record(citizen, false))) {
      return r.whoCanSee(on);
    }
  }

  /**
   * The decisions of {@code actor} for {@code service} from {@code from} to {@code until}
   * (inclusive): the first step is the decision on {@code from}, each further step the date on
   * which it changes (T1).
   *
   * @throws InvalidInputException for malformed input on {@code from}
   */
  public static List<TimelineStep> timeline(Citizen citizen, Actor actor, Service service,
      LocalDate from, LocalDate until) {
    try (PreparedRecord r = new PreparedRecord(citizen, record(citizen, false))) {
      return r.timeline(actor, service, from, until);
    }
  }

  /**
   * The message for a person of kind {@code asker} denied for {@code reason} (RULES.md section
   * 4); a protective measure is named to nobody but the citizen (M1).
   */
  public static String message(Reason reason, ActorKind asker, Language language) {
    return PortvaktC.pv_message(pv_reason.swigToEnum(reason.code()),
        pv_actor_kind.swigToEnum(asker.code()), pv_language.swigToEnum(language.code()));
  }
}
