package org.portvakt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native memory does not grow over 10 M calls (the resident size is printed before and after;
    a leak of even 8 bytes a call would add 80 MB). Also 100,000 records prepared and closed. */
class MemoryTest {
  static long residentKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  @Test
  void tenMillionCallsDoNotGrowTheResidentSize() throws Exception {
    Citizen c = ThreadsTest.household();
    List<Request> mix = ThreadsTest.mix();
    LocalDate on = LocalDate.of(2026, 11, 22);
    long sink = 0;
    try (PreparedRecord record = Portvakt.prepare(c)) {
      for (int i = 0; i < 1_000_000; i++) { // warm-up: the JIT and the heap settle
        Request r = mix.get(i % mix.size());
        sink += record.evaluate(r.actor(), r.service(), on).reason().ordinal();
      }
      System.gc();
      long before = residentKb();
      for (int i = 0; i < 10_000_000; i++) {
        Request r = mix.get(i % mix.size());
        sink += record.evaluate(r.actor(), r.service(), on).reason().ordinal();
      }
      System.gc();
      long after = residentKb();
      System.out.printf("portvakt: resident size over 10 M prepared calls: %d kB -> %d kB (%+d kB)%n",
          before, after, after - before);
      assertTrue(after - before < 64 * 1024, "resident size grew by " + (after - before) + " kB");
    }
    long before = residentKb();
    for (int i = 0; i < 100_000; i++) {
      try (PreparedRecord record = Portvakt.prepare(c)) {
        sink += record.evaluate(Actor.self(), Service.eServices(), on).reason().ordinal();
      }
    }
    System.gc();
    long after = residentKb();
    System.out.printf("portvakt: resident size over 100,000 prepare/close: %d kB -> %d kB (%+d kB)%n",
        before, after, after - before);
    assertTrue(after - before < 64 * 1024, "resident size grew by " + (after - before) + " kB");
    assertTrue(sink > 0);
  }
}
