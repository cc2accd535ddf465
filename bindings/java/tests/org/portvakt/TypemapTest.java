package org.portvakt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.portvakt.jni.PortvaktC;
import org.portvakt.jni.pv_actor;
import org.portvakt.jni.pv_citizen;
import org.portvakt.jni.pv_reason;
import org.portvakt.jni.pv_service;
import org.portvakt.jni.pv_service_kind;

/** The typemaps of bindings/java/portvakt_java.i and the value types over them. */
class TypemapTest {
  static final LocalDate ON = LocalDate.of(2026, 11, 22);

  @Test
  void datesCrossAsLocalDate() {
    for (LocalDate d : new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(1970, 1, 1),
        LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31)}) {
      assertEquals(d.toEpochDay(), PortvaktC.pv_date_to_days(d));
      assertEquals(d, PortvaktC.pv_date_from_days((int) d.toEpochDay()));
      assertTrue(PortvaktC.pv_date_is_valid(d));
    }
    // null is PV_DATE_NONE; a year the library cannot hold is not a date.
    assertTrue(PortvaktC.pv_date_is_none(null));
    assertFalse(PortvaktC.pv_date_is_valid(LocalDate.of(10000, 1, 1)));
    assertFalse(PortvaktC.pv_date_is_valid(LocalDate.of(0, 1, 1)));
    assertNull(PortvaktC.pv_date_from_days(Integer.MAX_VALUE));
  }

  @Test
  void aBirthDateOutOfRangeIsInvalidNamingTheField() {
    Citizen c = Citizen.born(LocalDate.of(-5, 1, 1));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Portvakt.evaluate(c, Actor.self(), Service.eServices(), ON));
    assertEquals("citizen.birth_date", e.field());
    assertEquals("V1", e.rule());
  }

  @Test
  void enumsMatchTheCNames() {
    for (Reason r : Reason.values()) {
      assertEquals(r.json(), PortvaktC.pv_reason_name(pv_reason.swigToEnum(r.code())));
      assertEquals(r.ordinal(), r.code());
    }
    for (ServiceKind k : ServiceKind.values()) {
      assertEquals(k.json(), PortvaktC.pv_service_kind_name(pv_service_kind.swigToEnum(k.code())));
    }
    for (ActorKind k : ActorKind.values()) {
      assertEquals(k.json(), PortvaktC.pv_actor_kind_name(org.portvakt.jni.pv_actor_kind.swigToEnum(k.code())));
    }
    for (Eid k : Eid.values()) {
      assertEquals(k.json(), PortvaktC.pv_eid_name(org.portvakt.jni.pv_eid.swigToEnum(k.code())));
    }
    assertEquals("M-ALL", Portvakt.rules().get(Portvakt.rules().indexOf("M-ALL")));
    assertTrue(Portvakt.rules().containsAll(java.util.List.of("A1", "V1", "G3", "J4", "H5", "X7")));
  }

  @Test
  void aStatusOtherThanOkThrowsWithTheField() {
    // The raw module: an actor left at its INIT (kind unset) is refused naming actor.kind (V1).
    pv_citizen c = new pv_citizen();
    c.setBirth_date(LocalDate.of(2000, 1, 1));
    pv_service s = new pv_service();
    s.setKind(pv_service_kind.PV_SERVICE_E_SERVICES);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PortvaktC.pv_validate(c, new pv_actor(), s, ON));
    assertEquals("actor.kind", e.field());
    assertEquals("V1", e.rule());
  }

  @Test
  void aRawCallThatFailsThrowsNamingItsArgument() {
    // pv_date_parse: 2023 is a common year (the text is freed before the throw: $cleanup).
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PortvaktC.pv_date_parse("2023-02-29", new org.portvakt.jni.pv_date()));
    assertEquals("V1", e.rule());
    org.portvakt.jni.pv_date out = new org.portvakt.jni.pv_date();
    PortvaktC.pv_date_parse("2024-02-29", out);
    assertEquals(29, out.getDay());
  }

  @Test
  void evaluateManyNamesEachInvalidQueryAndAnswersTheRest() {
    Citizen child = Citizen.builder().birthDate(LocalDate.of(2016, 1, 1)).guardian(new Guardian("anna")).build();
    Citizen adult = Citizen.born(LocalDate.of(1990, 1, 1));
    java.util.List<Decision> ds = Portvakt.evaluateMany(java.util.List.of(
        new Query(child, Actor.guardian("anna"), Service.eServices()),
        new Query(child, Actor.guardian("a b"), Service.eServices()),
        new Query(child, Actor.guardian("an\0na"), Service.eServices()),
        new Query(adult, Actor.self(), Service.journal()),
        new Query(adult, Actor.guardian("anna"), Service.journal())), ON);
    // G1: a guardian of a child under 13; V1 for the malformed ids; S2: an adult reads the
    // journal; R0: an id not in the record.
    assertEquals(Reason.GUARDIAN_PROXY, ds.get(0).reason());
    assertEquals("queries[1].actor.id", ds.get(1).field());
    assertEquals("queries[2].actor.id", ds.get(2).field());
    assertEquals(Reason.SELF, ds.get(3).reason());
    assertEquals(Reason.NOT_RELATED, ds.get(4).reason());
    Citizen broken = Citizen.builder().birthDate(LocalDate.of(2010, 1, 1))
        .guardian(new Guardian("x"), new Guardian("x")).build();
    assertEquals(Reason.INVALID_INPUT, Portvakt.evaluateMany(java.util.List.of(
        new Query(broken, Actor.self(), Service.eServices())), ON).get(0).reason());
  }

  @Test
  void errorsNameTheFieldAndFailClosed() {
    Citizen c = Citizen.builder().birthDate(LocalDate.of(2010, 1, 1))
        .seal(Seal.unit("U1").activeDuring(new Interval(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1))))
        .build();
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Portvakt.evaluate(c, Actor.self(), Service.journal(), ON));
    assertTrue(e.field().startsWith("citizen.seals[0].active"), e.field());
    Decision d = Decision.invalid(e.field(), e.detail());
    assertEquals(Effect.DENY, d.effect());
    assertEquals(EnumSet.of(Reason.INVALID_INPUT), d.reasons());
    assertEquals("V1", d.rule());
  }

  @Test
  void nulAndSurrogatesInIdsAreRefused() {
    Citizen child = Citizen.builder().birthDate(LocalDate.of(2016, 1, 1)).guardian(new Guardian("anna")).build();
    for (String bad : new String[] {"an\0na", "\uD800", "a\uDC00b"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> Portvakt.evaluate(child, Actor.guardian(bad), Service.eServices(), ON));
      assertEquals("actor.id", e.field());
      Citizen withBad = Citizen.builder().birthDate(LocalDate.of(2016, 1, 1)).guardian(new Guardian(bad)).build();
      e = assertThrows(InvalidInputException.class, () -> Portvakt.prepare(withBad));
      assertEquals("citizen.guardians[0].id", e.field());
      e = assertThrows(InvalidInputException.class, () -> new pv_actor().setId(bad));
      assertEquals("V1", e.rule());
    }
    // A valid pair of surrogates is Unicode text: it crosses, and the library refuses it as an
    // id (printable ASCII only), naming the field.
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Portvakt.evaluate(child, Actor.guardian("\uD83D\uDE00"), Service.eServices(), ON));
    assertEquals("actor.id", e.field());
  }

  @Test
  void decisionRecordAndMessages() {
    Citizen child = Citizen.builder().birthDate(LocalDate.of(2014, 6, 15))
        .guardian(new Guardian("anna"), new Guardian("bertil", true, false)).build();
    // G3: a blocked guardian is denied; G1: proxy ends on the 13th birthday (T1: changesOn).
    Decision blocked = Portvakt.evaluate(child, Actor.guardian("bertil"), Service.journal(), ON);
    assertEquals(Effect.DENY, blocked.effect());
    assertEquals(Reason.GUARDIAN_BLOCKED, blocked.reason());
    assertEquals("G3", blocked.rule());
    // M1: the guardian is not told of the block.
    assertEquals(Portvakt.message(Reason.NOT_RELATED, ActorKind.GUARDIAN, Language.SV),
        blocked.message(Language.SV));
    Decision anna = Portvakt.evaluate(child, Actor.guardian("anna"), Service.eServices(), ON);
    assertEquals(Reason.GUARDIAN_PROXY, anna.reason());
    assertTrue(anna.reasons().isEmpty());
    assertEquals(LocalDate.of(2027, 6, 15), anna.changesOn().orElseThrow());
    assertEquals(anna.changesOn(), Portvakt.changesOn(child, Actor.guardian("anna"), Service.eServices(), ON));
    assertEquals("", anna.message(Language.EN));
  }

  @Test
  void whoCanSeeAndTimeline() {
    Citizen child = Citizen.builder().birthDate(LocalDate.of(2014, 6, 15))
        .guardian(new Guardian("anna")).seal(Seal.unit("U1")).build();
    java.util.List<AccessRow> rows = Portvakt.whoCanSee(child, ON);
    // The citizen and one guardian, each: e-services, the journal, unit U1.
    assertEquals(6, rows.size());
    assertEquals(ActorKind.SELF, rows.get(0).actorKind());
    assertEquals("anna", rows.get(3).actorId());
    assertEquals("U1", rows.get(5).unit());
    assertEquals(Reason.UNIT_SEALED, rows.get(5).decision().reason());
    java.util.List<TimelineStep> steps = Portvakt.timeline(child, Actor.guardian("anna"),
        Service.eServices(), LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1));
    assertEquals(2, steps.size());
    assertEquals(LocalDate.of(2027, 6, 15), steps.get(1).from());
    assertEquals(Reason.PROXY_ENDED, steps.get(1).decision().reason());
  }
}
