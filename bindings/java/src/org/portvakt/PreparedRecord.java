package org.portvakt;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.portvakt.jni.PortvaktC;
import org.portvakt.jni.SWIGTYPE_p_pvj_record;

/**
 * A citizen's record validated once and kept in native memory (pv_prepare), then asked about
 * many times at a fraction of the cost of {@link Portvakt#evaluate}: the same decisions in every
 * member, the same errors.
 *
 * <p><b>Memory.</b> The native memory is freed by {@link #close()} (use try-with-resources);
 * a record that is never closed is freed by a {@link Cleaner} after it becomes unreachable, as a
 * backstop. Asking a closed record throws {@link IllegalStateException}.
 *
 * <p><b>Threads.</b> A prepared record is immutable after {@link Portvakt#prepare}: any number
 * of threads may call its methods at the same time without locking (the library only reads
 * it). {@link #close()} must happen after every such call has returned (as for any resource);
 * calls that start after it throw IllegalStateException.
 */
public final class PreparedRecord implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  /** The native record; freed once, by close() or the cleaner. */
  private static final class Native implements Runnable {
    private volatile SWIGTYPE_p_pvj_record record;

    Native(SWIGTYPE_p_pvj_record record) {
      this.record = record;
    }

    @Override
    public synchronized void run() {
      SWIGTYPE_p_pvj_record r = record;
      record = null;
      if (r != null) {
        PortvaktC.pvj_record_free(r);
      }
    }
  }

  private final Citizen citizen;
  private final Native state;
  private final Cleaner.Cleanable cleanable;

  PreparedRecord(Citizen citizen, SWIGTYPE_p_pvj_record record) {
    this.citizen = citizen;
    this.state = new Native(record);
    this.cleanable = CLEANER.register(this, state);
  }

  /** The citizen this record was prepared from. */
  public Citizen citizen() {
    return citizen;
  }

  SWIGTYPE_p_pvj_record handle() {
    SWIGTYPE_p_pvj_record r = state.record;
    if (r == null) {
      throw new IllegalStateException("portvakt: the prepared record is closed");
    }
    return r;
  }

  /**
   * Decides whether {@code actor} may reach {@code service} of the citizen on {@code on}, as
   * {@link Portvakt#evaluate} does.
   *
   * @throws InvalidInputException for malformed input, naming the field
   */
  public Decision evaluate(Actor actor, Service service, LocalDate on) {
    Codec codec = new Codec(64);
    codec.query(actor, service, -1);
    try {
      return Codec.decision(PortvaktC.pvj_evaluate(handle(), codec.bytes(), on), actor.kind());
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /**
   * The decisions of many requests on {@code on}, in order, in one call into the library. An
   * invalid request gets the fail-closed deny naming its field ({@code queries[3].actor.id});
   * the others get their answers. Never throws for invalid input.
   */
  public List<Decision> evaluateMany(List<Request> requests, LocalDate on) {
    Codec codec = new Codec(64 * requests.size() + 64);
    int i = 0;
    List<Decision> out = new ArrayList<>(requests.size());
    Decision[] refused = new Decision[requests.size()];
    for (Request r : requests) {
      int mark = codec.size();
      try {
        codec.query(r.actor(), r.service(), i);
      } catch (InvalidInputException e) {
        // Stands in the batch as a query the library refuses; its own error is kept.
        refused[i] = Decision.invalid(e.field(), e.detail());
        codec.reset(mark);
        codec.query(new Actor(null, null, null, false, false), Service.eServices(), -1);
      }
      i++;
    }
    long[] words = new long[requests.size()];
    try {
      PortvaktC.pvj_evaluate_many(handle(), codec.bytes(), requests.size(), on, words);
    } catch (InvalidInputException first) {
      // Each invalid request is named below, one by one.
    } finally {
      Reference.reachabilityFence(this);
    }
    for (i = 0; i < words.length; i++) {
      Request r = requests.get(i);
      Decision d = Codec.decision(words[i], r.actor() == null ? null : r.actor().kind());
      if (refused[i] != null) {
        d = refused[i];
      } else if (d.reason() == Reason.INVALID_INPUT) {
        try {
          evaluate(r.actor(), r.service(), on);
        } catch (InvalidInputException e) {
          d = Decision.invalid("queries[" + i + "]." + e.field(), e.detail());
        }
      }
      out.add(d);
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /** Who can see what on {@code on}: see {@link Portvakt#whoCanSee}. */
  public List<AccessRow> whoCanSee(LocalDate on) {
    try {
      SWIGTYPE_p_pvj_record r = handle();
      long[] words = new long[0];
      int count = PortvaktC.pvj_who_can_see(r, on, words);
      words = new long[2 * count];
      PortvaktC.pvj_who_can_see(r, on, words);
      List<AccessRow> rows = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        long meta = words[2 * i + 1];
        ActorKind kind = kindOf((int) (meta & 15));
        int actor = (int) (meta >>> 12 & 0xFFFFF) - 1;
        String id = actor < 0 ? null : kind == ActorKind.GUARDIAN ? citizen.guardians().get(actor).id()
            : citizen.representatives().get(actor).id();
        long unit = meta >>> 32;
        String unitName = unit == 0 ? null : unit < 1 << 20 ? citizen.seals().get((int) unit - 1).unit()
            : citizen.grants().get((int) (unit - (1 << 20))).unit();
        ServiceKind service = (meta >>> 4 & 15) == ServiceKind.JOURNAL.code() ? ServiceKind.JOURNAL
            : ServiceKind.E_SERVICES;
        Channel channel = (meta >>> 8 & 15) == Channel.DIRECT.code() ? Channel.DIRECT : Channel.PORTAL;
        rows.add(new AccessRow(kind, id, service, unitName, channel, Codec.decision(words[2 * i], kind)));
      }
      return List.copyOf(rows);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  private static ActorKind kindOf(int code) {
    for (ActorKind k : ActorKind.values()) {
      if (k.code() == code) {
        return k;
      }
    }
    return ActorKind.OTHER;
  }

  /** The timeline of one actor and service: see {@link Portvakt#timeline}. */
  public List<TimelineStep> timeline(Actor actor, Service service, LocalDate from, LocalDate until) {
    Codec codec = new Codec(64);
    codec.query(actor, service, -1);
    byte[] query = codec.bytes();
    try {
      SWIGTYPE_p_pvj_record r = handle();
      int count = PortvaktC.pvj_timeline(r, query, from, until, new long[0]);
      long[] words = new long[2 * count];
      PortvaktC.pvj_timeline(r, query, from, until, words);
      List<TimelineStep> steps = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        steps.add(new TimelineStep(org.portvakt.jni.Dates.unpack((int) words[2 * i]),
            Codec.decision(words[2 * i + 1], actor.kind())));
      }
      return List.copyOf(steps);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Frees the native memory (once; later calls do nothing). */
  @Override
  public void close() {
    cleanable.clean();
  }
}
