package org.portvakt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portvakt.json.JsonText;
import org.portvakt.json.Vectors;

/** Every decision vector of tests/conformance/*.json (RULES.md section 10) through the Java
    binding: read by the strict JSON reader, decided by Portvakt.evaluate, and again through a
    prepared record, which must give the same decision. */
class ConformanceTest {
  static Path root() {
    return Path.of(System.getenv().getOrDefault("PORTVAKT_SOURCE_ROOT", "."), "tests", "conformance");
  }

  @TestFactory
  Stream<DynamicTest> everyDecisionVector() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(root())) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() >= 10, "the conformance files: " + files);
    for (Path file : files) {
      Object data;
      try (InputStream in = Files.newInputStream(file)) {
        data = JsonText.read(in);
      }
      int i = 0;
      for (Object item : (List<?>) data) {
        JsonText.Obj o = (JsonText.Obj) item;
        String at = "[" + i++ + "]";
        Vectors.Vector v = Vectors.vector(o, at);
        tests.add(DynamicTest.dynamicTest(file.getFileName() + at + " " + v.name(), () -> {
          assertTrue(v.differences().isEmpty(), v.differences().toString());
          Vectors.Request r = v.request();
          if (r.error() == null) {
            Decision once;
            try {
              once = Portvakt.evaluate(r.citizen(), r.actor(), r.service(), r.on());
            } catch (InvalidInputException e) {
              return; // checked by differences(): the fail-closed decision and its field
            }
            try (PreparedRecord p = Portvakt.prepare(r.citizen())) {
              org.junit.jupiter.api.Assertions.assertEquals(once, p.evaluate(r.actor(), r.service(), r.on()));
              org.junit.jupiter.api.Assertions.assertEquals(List.of(once),
                  p.evaluateMany(List.of(new Request(r.actor(), r.service())), r.on()));
            } catch (InvalidInputException e) {
              org.junit.jupiter.api.Assertions.fail("prepare refused what evaluate took: " + e);
            }
          }
        }));
      }
    }
    assertTrue(tests.size() >= 100, "decision vectors found: " + tests.size());
    return tests.stream();
  }

  /** The questions of tests/conformance/beyond/ that Java answers: who can see, timeline. */
  @TestFactory
  Stream<DynamicTest> whoAndTimelineVectors() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : List.of("who.json", "timeline.json")) {
      Object data;
      try (InputStream in = Files.newInputStream(root().resolve("beyond").resolve(name))) {
        data = JsonText.read(in);
      }
      int i = 0;
      for (Object item : (List<?>) data) {
        String at = "[" + i++ + "]";
        tests.add(DynamicTest.dynamicTest(name + at, () -> {
          org.portvakt.json.Questions.Result r = org.portvakt.json.Questions.run((JsonText.Obj) item, at);
          assertTrue(r.differences().isEmpty(), r.name() + ": " + r.differences());
        }));
      }
    }
    assertTrue(tests.size() >= 10, "who and timeline vectors found: " + tests.size());
    return tests.stream();
  }
}
