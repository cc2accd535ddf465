package org.portvakt;

import java.util.List;

/**
 * A guardian (vårdnadshavare) of the citizen. The lists are copied (unmodifiable).
 *
 * @param id the id, unique among the guardians (required; "self" is reserved)
 * @param blocked blocked at every date (G3)
 * @param protectedIdentity protected identity at every date (G4)
 * @param blockedPeriods the periods in which the guardian is blocked (H1)
 * @param protectedIdentityPeriods the periods of the guardian's protected identity (H1)
 */
public record Guardian(String id, boolean blocked, boolean protectedIdentity,
    List<Interval> blockedPeriods, List<Interval> protectedIdentityPeriods) {
  /** Copies the lists (null is empty). */
  public Guardian {
    blockedPeriods = Citizen.copy(blockedPeriods);
    protectedIdentityPeriods = Citizen.copy(protectedIdentityPeriods);
  }

  /** A guardian with the id {@code id}, neither blocked nor protected. */
  public Guardian(String id) {
    this(id, false, false, List.of(), List.of());
  }

  /** A guardian with the id {@code id} and the two flags. */
  public Guardian(String id, boolean blocked, boolean protectedIdentity) {
    this(id, blocked, protectedIdentity, List.of(), List.of());
  }
}
