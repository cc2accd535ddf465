package org.portvakt;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.portvakt.jni.PortvaktC;
import org.portvakt.jni.pv_actor_kind;
import org.portvakt.jni.pv_language;
import org.portvakt.jni.pv_reason;

/**
 * The answer of an evaluation: an immutable value.
 *
 * <p>{@link #reason()} is the permit basis or the primary deny reason; {@link #reasons()} every
 * reason that stands in the way, in RULES.md order (empty when permitted); {@link #rule()} the
 * rule that decided the reason; {@link #filtered()} whether the permitted view hides something
 * (step 7); {@link #changesOn()} the first later date on which the same inputs give another
 * (effect, reason, filtered), if any (T1) — the date until which a portal may cache the answer.
 * {@link #field()} and {@link #detail()} are set only for invalid input (INVALID_INPUT, V1).
 */
public final class Decision {
  private final Effect effect;
  private final Reason reason;
  private final int reasons;
  private final String rule;
  private final boolean filtered;
  private final LocalDate changesOn;
  private final String field;
  private final String detail;
  private final ActorKind asker;

  Decision(Effect effect, Reason reason, int reasons, String rule, boolean filtered,
      LocalDate changesOn, String field, String detail, ActorKind asker) {
    this.effect = effect;
    this.reason = reason;
    this.reasons = reasons;
    this.rule = rule;
    this.filtered = filtered;
    this.changesOn = changesOn;
    this.field = field;
    this.detail = detail;
    this.asker = asker;
  }

  /** The fail-closed decision for invalid input at {@code field} (V1). */
  public static Decision invalid(String field, String detail) {
    return new Decision(Effect.DENY, Reason.INVALID_INPUT, 1 << Reason.INVALID_INPUT.ordinal(),
        "V1", false, null, field, detail, ActorKind.OTHER);
  }

  /** Permit or deny. */
  public Effect effect() {
    return effect;
  }

  /** The permit basis, or the first deny reason in RULES.md order. */
  public Reason reason() {
    return reason;
  }

  /** Every reason that stands in the way, in RULES.md order (a new set each call). */
  public EnumSet<Reason> reasons() {
    EnumSet<Reason> out = EnumSet.noneOf(Reason.class);
    for (Reason r : Reason.values()) {
      if ((reasons & 1 << r.ordinal()) != 0) {
        out.add(r);
      }
    }
    return out;
  }

  /** The id of the rule that decided the reason ("G3"). */
  public String rule() {
    return rule;
  }

  /** True when the permitted view hides something (RULES.md step 7). */
  public boolean filtered() {
    return filtered;
  }

  /** The first later date on which the decision changes (T1), or empty if none. */
  public Optional<LocalDate> changesOn() {
    return Optional.ofNullable(changesOn);
  }

  /** True for a permit. */
  public boolean permitted() {
    return effect == Effect.PERMIT;
  }

  /** The path of the malformed field, for invalid input; else null. */
  public String field() {
    return field;
  }

  /** What is wrong with that field, for invalid input; else null. */
  public String detail() {
    return detail;
  }

  /**
   * The message that may be shown to the person who asked (RULES.md section 4): a protective
   * measure is named to nobody but the citizen (M1). "" for a permit.
   */
  public String message(Language language) {
    return PortvaktC.pv_message(pv_reason.swigToEnum(reason.code()),
        pv_actor_kind.swigToEnum(asker.code()), pv_language.swigToEnum(language.code()));
  }

  /** The same decision, its message for {@code asker}. */
  Decision askedBy(ActorKind asker) {
    return asker == this.asker ? this
        : new Decision(effect, reason, reasons, rule, filtered, changesOn, field, detail, asker);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Decision d && effect == d.effect && reason == d.reason
        && reasons == d.reasons && rule.equals(d.rule) && filtered == d.filtered
        && Objects.equals(changesOn, d.changesOn) && Objects.equals(field, d.field);
  }

  @Override
  public int hashCode() {
    return Objects.hash(effect, reason, reasons, rule, filtered, changesOn, field);
  }

  @Override
  public String toString() {
    return effect.json() + " " + reason.json() + " (" + rule + ")"
        + (filtered ? " filtered" : "") + (changesOn != null ? " until " + changesOn : "")
        + (field != null ? " " + field + ": " + detail : "");
  }
}
