package org.portvakt;

/**
 * Who is trying to reach the citizen's account or journal.
 *
 * <p>The C enum pv_actor_kind; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum ActorKind implements Coded {
  /** self */
  SELF("self", 1),
  /** guardian */
  GUARDIAN("guardian", 2),
  /** representative */
  REPRESENTATIVE("representative", 3),
  /** other */
  OTHER("other", 4);

  private final String json;
  private final int code;

  ActorKind(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("self"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_actor_kind. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static ActorKind fromJson(String name) {
    for (ActorKind value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (ActorKind value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
