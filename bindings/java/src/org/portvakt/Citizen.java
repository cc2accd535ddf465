package org.portvakt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The citizen whose account and journal are being reached: an immutable value (the lists are
 * copied and unmodifiable). Build one with {@link #builder()}.
 *
 * @param birthDate the birth date, or null when the personnummer gives it (A3)
 * @param personnummer a personnummer or samordningsnummer, or null
 * @param protectedIdentity protected identity at every date (G4, G5)
 * @param loginLocked the citizen's login locked at every date (E2, L1)
 * @param loginLockRequestedBy who asked for the flag's lock (null: care)
 * @param loginLockCaseNumber the case number of the flag's lock, or null
 * @param seals the journal seals (J1-J6)
 * @param guardians the guardians
 * @param grants the direct-access grants (D1-D3)
 * @param representatives the legal representatives (P2)
 * @param loginLockPeriods the periods of the login lock (H1)
 * @param protectedIdentityPeriods the periods of protected identity (H1)
 */
public record Citizen(LocalDate birthDate, String personnummer, boolean protectedIdentity,
    boolean loginLocked, Requester loginLockRequestedBy, String loginLockCaseNumber,
    List<Seal> seals, List<Guardian> guardians, List<Grant> grants,
    List<Representative> representatives, List<LockPeriod> loginLockPeriods,
    List<Interval> protectedIdentityPeriods) {

  /** Copies the lists (null is empty). */
  public Citizen {
    seals = copy(seals);
    guardians = copy(guardians);
    grants = copy(grants);
    representatives = copy(representatives);
    loginLockPeriods = copy(loginLockPeriods);
    protectedIdentityPeriods = copy(protectedIdentityPeriods);
  }

  static <T> List<T> copy(List<T> items) {
    return items == null ? List.of() : List.copyOf(items);
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A citizen born on {@code birthDate}, with nothing else. */
  public static Citizen born(LocalDate birthDate) {
    return builder().birthDate(birthDate).build();
  }

  /** A builder of a {@link Citizen}; each method returns the builder. */
  public static final class Builder {
    private LocalDate birthDate;
    private String personnummer;
    private boolean protectedIdentity;
    private boolean loginLocked;
    private Requester loginLockRequestedBy = Requester.CARE;
    private String loginLockCaseNumber;
    private final List<Seal> seals = new ArrayList<>();
    private final List<Guardian> guardians = new ArrayList<>();
    private final List<Grant> grants = new ArrayList<>();
    private final List<Representative> representatives = new ArrayList<>();
    private final List<LockPeriod> loginLockPeriods = new ArrayList<>();
    private final List<Interval> protectedIdentityPeriods = new ArrayList<>();

    private Builder() {}

    /** Sets the birth date. */
    public Builder birthDate(LocalDate value) {
      birthDate = value;
      return this;
    }

    /** Sets the personnummer or samordningsnummer. */
    public Builder personnummer(String value) {
      personnummer = value;
      return this;
    }

    /** Sets protected identity at every date. */
    public Builder protectedIdentity(boolean value) {
      protectedIdentity = value;
      return this;
    }

    /** Sets the login lock at every date. */
    public Builder loginLocked(boolean value) {
      loginLocked = value;
      return this;
    }

    /** Sets who asked for the flag's lock and its case number. */
    public Builder loginLockRequest(Requester requestedBy, String caseNumber) {
      loginLockRequestedBy = requestedBy;
      loginLockCaseNumber = caseNumber;
      return this;
    }

    /** Adds seals. */
    public Builder seal(Seal... values) {
      seals.addAll(List.of(values));
      return this;
    }

    /** Adds guardians. */
    public Builder guardian(Guardian... values) {
      guardians.addAll(List.of(values));
      return this;
    }

    /** Adds grants. */
    public Builder grant(Grant... values) {
      grants.addAll(List.of(values));
      return this;
    }

    /** Adds representatives. */
    public Builder representative(Representative... values) {
      representatives.addAll(List.of(values));
      return this;
    }

    /** Adds periods of the login lock. */
    public Builder loginLockPeriod(LockPeriod... values) {
      loginLockPeriods.addAll(List.of(values));
      return this;
    }

    /** Adds periods of protected identity. */
    public Builder protectedIdentityPeriod(Interval... values) {
      protectedIdentityPeriods.addAll(List.of(values));
      return this;
    }

    /** The citizen. */
    public Citizen build() {
      return new Citizen(birthDate, personnummer, protectedIdentity, loginLocked,
          loginLockRequestedBy, loginLockCaseNumber, seals, guardians, grants, representatives,
          loginLockPeriods, protectedIdentityPeriods);
    }
  }
}
