package org.portvakt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.portvakt.json.JsonText;
import org.portvakt.json.Main;
import org.portvakt.json.Vectors;

/** The strict reading of RULES.md section 10 by the Java JSON reader. */
class JsonStrictTest {
  static final String ACTOR = "\"actor\": {\"kind\": \"self\"}, \"service\": {\"kind\": \"e_services\"}, \"on\": \"2026-11-22\"";

  static Decision decide(String citizen) throws Exception {
    Object o = JsonText.parse(("{\"citizen\": " + citizen + ", " + ACTOR + "}").getBytes(StandardCharsets.UTF_8));
    return Vectors.requestFile(o).decide();
  }

  static void malformed(String citizen, String field) throws Exception {
    Decision d = decide(citizen);
    assertEquals(Reason.INVALID_INPUT, d.reason(), citizen);
    assertEquals(field, d.field(), citizen);
  }

  @Test
  void validCitizenIsDecided() throws Exception {
    assertEquals(Reason.SELF, decide("{\"birth_date\": \"2000-01-01\"}").reason());
    // null is the member left out.
    assertEquals(Reason.SELF, decide("{\"birth_date\": \"2000-01-01\", \"login_locked\": null, \"seals\": null}").reason());
  }

  @Test
  void unknownMembersAreMalformedNamingThePath() throws Exception {
    malformed("{\"birth_date\": \"2000-01-01\", \"guardians\": [{\"id\": \"g\", \"nickname\": \"x\"}]}",
        "citizen.guardians[0].nickname");
    malformed("{\"birth_date\": \"2000-01-01\", \"colour\": 1}", "citizen.colour");
  }

  @Test
  void aMemberNamedTwiceIsMalformed() throws Exception {
    malformed("{\"birth_date\": \"2000-01-01\", \"birth_date\": \"2000-01-01\"}", "citizen.birth_date");
    malformed("{\"birth_date\": \"2000-01-01\", \"guardians\": [{\"id\": \"a\", \"id\": \"b\"}]}",
        "citizen.guardians[0].id");
  }

  @Test
  void theReaderStopsOnePastACap() throws Exception {
    // Section 8: at most 16 guardians. The 18th is malformed too, but the reader stops at the
    // 17th and the library names the array.
    StringBuilder g = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      g.append("{\"id\": \"g").append(i).append("\"}, ");
    }
    g.append("{\"id\": \"g17\", \"nickname\": 1}");
    malformed("{\"birth_date\": \"2000-01-01\", \"guardians\": [" + g + "]}", "citizen.guardians");
  }

  @Test
  void flagsAreBooleansOnly() throws Exception {
    for (String v : new String[] {"0", "1", "\"false\"", "\"true\""}) {
      malformed("{\"birth_date\": \"2000-01-01\", \"protected_identity\": " + v + "}", "citizen.protected_identity");
    }
  }

  @Test
  void datesAreExactlyYyyyMmDd() throws Exception {
    for (String v : new String[] {"2000-1-01", "2000-01-01T00:00", " 2000-01-01", "0000-01-01",
        "2023-02-29", "20000-01-01", "2000-13-01"}) {
      malformed("{\"birth_date\": \"" + v + "\"}", "citizen.birth_date");
    }
  }

  @Test
  void aBomIsIgnoredAndOtherTopLevelMembersOfAVector() throws Exception {
    String vector = "[{\"name\": \"n\", \"comment\": \"ignored\", \"citizen\": {\"birth_date\": \"2000-01-01\"}, "
        + ACTOR + ", \"expect\": {\"effect\": \"permit\", \"reason\": \"SELF\"}}]";
    byte[] text = ("\uFEFF" + vector).getBytes(StandardCharsets.UTF_8);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("portvakt-vector", ".json");
    try {
      java.nio.file.Files.write(file, text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status = Main.run(new String[] {"check", file.toString()}, new ByteArrayInputStream(new byte[0]),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
      assertEquals("1 passed, 0 failed\n", out.toString(StandardCharsets.UTF_8));
      assertEquals(0, status);
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void textThatIsNotJsonOrUtf8IsRefused() {
    assertThrows(JsonText.Refused.class, () -> JsonText.parse(new byte[] {'"', (byte) 0xff, '"'}));
    assertThrows(JsonText.Refused.class, () -> JsonText.parse("[1] [2]".getBytes(StandardCharsets.UTF_8)));
    assertThrows(JsonText.Refused.class, () -> JsonText.parse("[".repeat(65).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void checkExitsTwoOnABrokenFile() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"check", "-"}, new ByteArrayInputStream("{\"a\": ".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count());
  }
}
