package org.portvakt;

import java.time.LocalDate;

/**
 * A period of the citizen's login lock (RULES.md section 11, H1), with who asked for it and its
 * case number (X1).
 *
 * @param from the first day, or null (open)
 * @param until the last day, or null (open)
 * @param requestedBy who asked for the lock (null: care)
 * @param caseNumber the case number (diarienummer), or null
 */
public record LockPeriod(LocalDate from, LocalDate until, Requester requestedBy, String caseNumber) {
  /** A period asked for by care, without a case number. */
  public LockPeriod(LocalDate from, LocalDate until) {
    this(from, until, Requester.CARE, null);
  }
}
