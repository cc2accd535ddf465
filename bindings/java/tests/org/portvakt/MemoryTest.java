package org.portvakt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portvakt.jni.PortvaktC;

/** Native memory does not grow over 10 M calls (the resident size is printed before and after
    each of two windows of 10 M; a leak of even 2 bytes a call would add 20 MB to the second). The
    heap is fixed and touched at start (-Xms = -Xmx, AlwaysPreTouch: tests/meson.build), so the
    resident size moves only with native memory. Also 100,000 records prepared and closed. */
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
      // Two windows of 10 M calls: the first may still see the JIT's code cache grow; a leak
      // would grow both alike.
      long[] rss = new long[3];
      System.gc();
      rss[0] = residentKb();
      for (int w = 1; w <= 2; w++) {
        for (int i = 0; i < 10_000_000; i++) {
          Request r = mix.get(i % mix.size());
          sink += record.evaluate(r.actor(), r.service(), on).reason().ordinal();
        }
        System.gc();
        rss[w] = residentKb();
        System.out.printf("portvakt: resident size over 10 M prepared calls (window %d): %d kB -> %d kB (%+d kB)%n",
            w, rss[w - 1], rss[w], rss[w] - rss[w - 1]);
      }
      assertTrue(rss[2] - rss[1] < 16 * 1024, "resident size grew by " + (rss[2] - rss[1]) + " kB");
    }
    long[] rss = new long[3];
    rss[0] = residentKb();
    for (int w = 1; w <= 2; w++) {
      for (int i = 0; i < 100_000; i++) {
        try (PreparedRecord record = Portvakt.prepare(c)) {
          sink += record.evaluate(Actor.self(), Service.eServices(), on).reason().ordinal();
        }
      }
      System.gc();
      rss[w] = residentKb();
      System.out.printf("portvakt: resident size over 100,000 prepare/close (window %d): %d kB -> %d kB (%+d kB)%n",
          w, rss[w - 1], rss[w], rss[w] - rss[w - 1]);
    }
    assertTrue(rss[2] - rss[1] < 16 * 1024, "resident size grew by " + (rss[2] - rss[1]) + " kB");
    assertTrue(sink > 0);
  }

  @Test
  void theCleanerFreesRecordsNobodyClosed() throws Exception {
    // 20,000 records left unclosed: once they are unreachable the Cleaner frees every one (the
    // native side counts the records made and not yet freed). The wait is for the collector and
    // the Cleaner's thread, not a measure of time.
    Citizen c = ThreadsTest.household();
    LocalDate on = LocalDate.of(2026, 11, 22);
    long before = PortvaktC.pvj_record_live();
    long sink = 0;
    for (int i = 0; i < 20_000; i++) {
      PreparedRecord record = Portvakt.prepare(c);
      sink += record.evaluate(Actor.self(), Service.eServices(), on).reason().ordinal();
    }
    long made = PortvaktC.pvj_record_live() - before;
    long left = made;
    for (int tries = 0; tries < 200 && left > 0; tries++) {
      System.gc();
      Thread.sleep(50);
      left = PortvaktC.pvj_record_live() - before;
    }
    System.out.printf("portvakt: 20,000 unclosed records: %d live after the loop, %d after the Cleaner%n",
        made, left);
    assertTrue(made > 0 && left <= 0, left + " of " + made + " unclosed records not freed");
    assertTrue(sink >= 0);
  }
}
