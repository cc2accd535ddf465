package org.portvakt;

/**
 * The person trying to reach the citizen's account or journal.
 *
 * @param kind who it is (required)
 * @param id the id of a guardian or representative in the record (required for them)
 * @param eid how the actor logged in (required; the factories use BankID)
 * @param loginLocked the actor's own login is locked (E2; false for the citizen)
 * @param journalSealed the actor's own journal account is sealed (E3; false for the citizen)
 */
public record Actor(ActorKind kind, String id, Eid eid, boolean loginLocked, boolean journalSealed) {
  /** The citizen, logged in with BankID. */
  public static Actor self() {
    return new Actor(ActorKind.SELF, null, Eid.BANKID, false, false);
  }

  /** The guardian {@code id}, logged in with BankID. */
  public static Actor guardian(String id) {
    return new Actor(ActorKind.GUARDIAN, id, Eid.BANKID, false, false);
  }

  /** The representative {@code id}, logged in with BankID. */
  public static Actor representative(String id) {
    return new Actor(ActorKind.REPRESENTATIVE, id, Eid.BANKID, false, false);
  }

  /** Anyone else, logged in with BankID. */
  public static Actor other() {
    return new Actor(ActorKind.OTHER, null, Eid.BANKID, false, false);
  }

  /** This actor logged in with {@code eid}. */
  public Actor withEid(Eid eid) {
    return new Actor(kind, id, eid, loginLocked, journalSealed);
  }
}
