/*
 * PortvaktBench.java — the Java binding's speed: System.nanoTime over warmed-up loops, each
 * figure the min / median / max of 11 rounds (the machine may be loaded: compare ratios within
 * one run). Prints figures; asserts nothing. Run with nothing but the jar on the class path:
 *
 *   java -cp build/bindings/java/portvakt-0.1.0.jar bench/PortvaktBench.java [--quick] [--cpu]
 *
 * --cpu measures the CPU time of the thread (ThreadMXBean) instead of the wall clock
 * (System.nanoTime): on a loaded machine it leaves out the time the thread waits for a core.
 *
 *   evaluate            Portvakt.evaluate: the record encoded, decoded and validated each call
 *   prepared            PreparedRecord.evaluate: one JNI crossing a call
 *   evaluateMany        PreparedRecord.evaluateMany, batches of 1,000: one crossing a batch
 *   jni-trivial         a SWIG call that does nothing (pv_date_is_leap_year): the crossing
 *   jni-prepared-raw    the prepared call's JNI entry with the query pre-encoded and the
 *                       decision left packed: the crossing plus the C decision, no Java layer
 *   jni-many-raw        the batch entry, 1,000 pre-encoded queries a crossing, decisions left
 *                       packed: about the C decision alone (the crossing shared by 1,000)
 */
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.portvakt.Actor;
import org.portvakt.Channel;
import org.portvakt.Citizen;
import org.portvakt.Decision;
import org.portvakt.Eid;
import org.portvakt.Grant;
import org.portvakt.Guardian;
import org.portvakt.Interval;
import org.portvakt.Portvakt;
import org.portvakt.PreparedRecord;
import org.portvakt.Representative;
import org.portvakt.RepresentativeKind;
import org.portvakt.Request;
import org.portvakt.Seal;
import org.portvakt.Service;
import org.portvakt.ServiceKind;

public class PortvaktBench {
  static final LocalDate ON = LocalDate.of(2026, 11, 22);
  static long sink;
  static boolean cpu;
  static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  static long now() {
    return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  interface Loop {
    /** Runs n operations; returns how many decisions they made. */
    long run(int n);
  }

  static Citizen household() {
    return Citizen.builder().birthDate(LocalDate.of(2012, 3, 4))
        .guardian(new Guardian("anna"), new Guardian("bertil", true, false),
            new Guardian("cilla", false, false,
                List.of(new Interval(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 12, 31))), List.of()))
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

  static void measure(String name, int n, Loop loop) {
    for (int i = 0; i < 3; i++) {
      loop.run(n); // warm-up: the JIT compiles the loop
    }
    double[] ns = new double[11];
    for (int r = 0; r < ns.length; r++) {
      long t0 = now();
      long decisions = loop.run(n);
      ns[r] = (now() - t0) / (double) decisions;
    }
    Arrays.sort(ns);
    System.out.printf("%-18s %9.1f %9.1f %9.1f   ns a decision (min median max)   %6.2f M/s median%n",
        name, ns[0], ns[5], ns[10], 1000.0 / ns[5]);
  }

  public static void main(String[] args) {
    boolean quick = List.of(args).contains("--quick");
    cpu = List.of(args).contains("--cpu");
    int n = quick ? 20_000 : 1_000_000;
    Citizen c = household();
    List<Request> mix = mix();
    System.out.printf("portvakt %s, Java %s, %d requests in the mix, %d calls a round, %s%n",
        Portvakt.version(), System.getProperty("java.version"), mix.size(), n,
        cpu ? "thread CPU time" : "wall clock (System.nanoTime)");
    measure("evaluate", n / 10, k -> {
      for (int i = 0; i < k; i++) {
        Request r = mix.get(i % mix.size());
        sink += Portvakt.evaluate(c, r.actor(), r.service(), ON).reason().ordinal();
      }
      return k;
    });
    try (PreparedRecord record = Portvakt.prepare(c)) {
      measure("prepared", n, k -> {
        for (int i = 0; i < k; i++) {
          Request r = mix.get(i % mix.size());
          sink += record.evaluate(r.actor(), r.service(), ON).reason().ordinal();
        }
        return k;
      });
      List<Request> batch = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        batch.add(mix.get(i % mix.size()));
      }
      measure("evaluateMany", n / 1000, k -> {
        for (int i = 0; i < k; i++) {
          List<Decision> ds = record.evaluateMany(batch, ON);
          sink += ds.size();
        }
        return (long) k * batch.size();
      });
      measure("jni-trivial", n, k -> {
        for (int i = 0; i < k; i++) {
          sink += org.portvakt.jni.PortvaktC.pv_date_is_leap_year(2024 + (i & 3)) ? 1 : 0;
        }
        return k;
      });
      RawCall raw = RawCall.of(record);
      if (raw != null) {
        measure("jni-prepared-raw", n, k -> {
          for (int i = 0; i < k; i++) {
            sink += raw.call(i);
          }
          return k;
        });
        measure("jni-many-raw", n / 1000, k -> {
          for (int i = 0; i < k; i++) {
            sink += raw.batch();
          }
          return (long) k * 1000;
        });
      }
    }
    System.out.println("(checksum " + sink + ")");
  }

  /** The prepared call's JNI entry with pre-encoded queries, reached by reflection (the
      encoder and the record handle are package-private in org.portvakt). */
  static final class RawCall {
    private final java.lang.invoke.MethodHandle call;
    private final java.lang.invoke.MethodHandle many;
    private final Object handle;
    private final byte[][] queries;
    private final byte[] thousand;
    private final long[] words = new long[1000];

    private RawCall(java.lang.invoke.MethodHandle call, java.lang.invoke.MethodHandle many,
        Object handle, byte[][] queries) {
      this.call = call;
      this.many = many;
      this.handle = handle;
      this.queries = queries;
      java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 1000; i++) {
        all.writeBytes(queries[i % queries.length]);
      }
      this.thousand = all.toByteArray();
    }

    long batch() {
      try {
        int n = (int) many.invoke(handle, thousand, 1000, ON, words);
        return n + (words[n - 1] & 0xFF);
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    static RawCall of(PreparedRecord record) {
      try {
        var handleMethod = PreparedRecord.class.getDeclaredMethod("handle");
        handleMethod.setAccessible(true);
        Object handle = handleMethod.invoke(record);
        Class<?> codecClass = Class.forName("org.portvakt.Codec");
        var make = codecClass.getDeclaredConstructor();
        make.setAccessible(true);
        var query = codecClass.getDeclaredMethod("query", Actor.class, Service.class, int.class);
        query.setAccessible(true);
        var bytes = codecClass.getDeclaredMethod("bytes");
        bytes.setAccessible(true);
        List<Request> mix = mix();
        byte[][] queries = new byte[mix.size()][];
        for (int i = 0; i < queries.length; i++) {
          Object codec = make.newInstance();
          query.invoke(codec, mix.get(i).actor(), mix.get(i).service(), -1);
          queries[i] = (byte[]) bytes.invoke(codec);
        }
        var m = java.lang.invoke.MethodHandles.publicLookup().findStatic(
            org.portvakt.jni.PortvaktC.class, "pvj_evaluate",
            java.lang.invoke.MethodType.methodType(long.class, handle.getClass(), byte[].class, LocalDate.class));
        var batch = java.lang.invoke.MethodHandles.publicLookup().findStatic(
            org.portvakt.jni.PortvaktC.class, "pvj_evaluate_many",
            java.lang.invoke.MethodType.methodType(int.class, handle.getClass(), byte[].class,
                int.class, LocalDate.class, long[].class));
        return new RawCall(m, batch, handle, queries);
      } catch (ReflectiveOperationException | RuntimeException e) {
        System.out.println("jni-prepared-raw: not measured (" + e + ")");
        return null;
      }
    }

    long call(int i) {
      try {
        return (long) call.invoke(handle, queries[i % queries.length], ON) & 0xFF;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
  }
}
