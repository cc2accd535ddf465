/*
 * PortalCheck.java — the question a portal asks, in Java: may this person, on this date, reach
 * this citizen's e-services or journal, and if not, why not? Runs with nothing but the jar on
 * the class path (the JNI library comes out of the jar):
 *
 *   java -cp portvakt-0.1.0.jar examples/java/PortalCheck.java
 */
import java.time.LocalDate;
import org.portvakt.Actor;
import org.portvakt.Citizen;
import org.portvakt.Decision;
import org.portvakt.Guardian;
import org.portvakt.Language;
import org.portvakt.Portvakt;
import org.portvakt.PreparedRecord;
import org.portvakt.Seal;
import org.portvakt.Service;

public class PortalCheck {
  public static void main(String[] args) {
    LocalDate on = LocalDate.of(2026, 11, 22);
    Citizen child = Citizen.builder()
        .birthDate(LocalDate.of(2014, 6, 15))
        .guardian(new Guardian("anna"), new Guardian("bertil", true, false))
        .seal(Seal.unit("SE2321000016-1ABC"))
        .build();

    // One question: deny GUARDIAN_BLOCKED (G3), and the message Bertil may be shown (M1: the
    // block itself is not named to him).
    Decision d = Portvakt.evaluate(child, Actor.guardian("bertil"), Service.journal(), on);
    System.out.printf("bertil, journal: %s %s (%s): %s%n", d.effect().json(), d.reason().json(),
        d.rule(), d.message(Language.SV));

    // Many questions about one record: prepare it once (freed when closed).
    try (PreparedRecord record = Portvakt.prepare(child)) {
      for (Service s : new Service[] {Service.eServices(), Service.journal(),
          Service.journal("SE2321000016-1ABC")}) {
        Decision a = record.evaluate(Actor.guardian("anna"), s, on);
        System.out.printf("anna, %s%s: %s %s%s, cache until %s%n", s.kind().json(),
            s.unit() == null ? "" : " " + s.unit(), a.effect().json(), a.reason().json(),
            a.filtered() ? " (filtered)" : "", a.changesOn().map(Object::toString).orElse("no change"));
      }
      // Who can see this child's records today.
      record.whoCanSee(on).forEach(row -> System.out.printf("  %-6s %-10s %-18s %s%n",
          row.actorId() == null ? "self" : row.actorId(), row.service().json(),
          row.unit() == null ? "" : row.unit(), row.decision().reason().json()));
    }
  }
}
