package org.portvakt;

/**
 * Malformed input (RULES.md section 8, rule V1): {@link #field()} is the path of the offending
 * field in the form of the JSON format ({@code citizen.seals[2].active.from}), {@link #rule()}
 * the rule that refused it ("V1"; null when no rule did, as for a buffer that is too small) and
 * the message says what is wrong with it. Unchecked: a caller that wants the fail-closed answer
 * instead uses {@link Decision#invalid(String, String)}.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;
  private final String detail;

  /**
   * An error naming {@code field}.
   *
   * @param field the path of the field
   * @param rule the rule id that refused it, or null
   * @param detail what is wrong with it
   */
  public InvalidInputException(String field, String rule, String detail) {
    super(field + ": " + detail);
    this.field = field;
    this.rule = rule;
    this.detail = detail;
  }

  /** The path of the offending field ({@code actor.id}). */
  public String field() {
    return field;
  }

  /** The rule that refused the input ("V1"), or null. */
  public String rule() {
    return rule;
  }

  /** What is wrong with the field, without its path. */
  public String detail() {
    return detail;
  }
}
