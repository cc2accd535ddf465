package org.portvakt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Eight threads share one prepared record; each must get exactly the answers of a
    single-thread reference (PreparedRecord is documented as safe to share). */
class ThreadsTest {
  static Citizen household() {
    return Citizen.builder().birthDate(LocalDate.of(2012, 3, 4))
        .guardian(new Guardian("anna"), new Guardian("bertil", true, false),
            new Guardian("cilla", false, false, List.of(new Interval(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 12, 31))), List.of()))
        .seal(Seal.unit("U1").activeDuring(new Interval(LocalDate.of(2024, 1, 1), null)),
            Seal.unit("U2").hidingEntries(new Interval(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))))
        .grant(new Grant("self", "U3", null, null), new Grant("anna", "U3", LocalDate.of(2025, 3, 4), null))
        .representative(new Representative("r1", RepresentativeKind.GOD_MAN, true, true, true, null, null))
        .build();
  }

  static List<Request> mix() {
    List<Request> out = new ArrayList<>();
    Actor[] actors = {Actor.self(), Actor.guardian("anna"), Actor.guardian("bertil"),
        Actor.guardian("cilla"), Actor.representative("r1"), Actor.other(), Actor.self().withEid(Eid.FREJA)};
    Service[] services = {Service.eServices(), Service.journal(), Service.journal("U1"),
        Service.journal("U2"), Service.journal("U3"), Service.journal("U3").through(Channel.DIRECT),
        new Service(ServiceKind.JOURNAL, Channel.PORTAL, "U2", LocalDate.of(2020, 5, 5))};
    for (Actor a : actors) {
      for (Service s : services) {
        out.add(new Request(a, s));
      }
    }
    return out;
  }

  @Test
  void eightThreadsAgreeWithOne() throws Exception {
    List<Request> mix = mix();
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 1, 1); d.isBefore(LocalDate.of(2029, 1, 1)); d = d.plusDays(37)) {
      days.add(d);
    }
    try (PreparedRecord record = Portvakt.prepare(household())) {
      List<Decision> reference = new ArrayList<>();
      for (LocalDate d : days) {
        for (Request r : mix) {
          reference.add(Portvakt.evaluate(record.citizen(), r.actor(), r.service(), d));
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<Decision>>> runs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          runs.add(pool.submit(() -> {
            List<Decision> got = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
              got.clear();
              for (LocalDate d : days) {
                for (Request r : mix) {
                  got.add(record.evaluate(r.actor(), r.service(), d));
                }
              }
            }
            return got;
          }));
        }
        for (Future<List<Decision>> run : runs) {
          assertEquals(reference, run.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
