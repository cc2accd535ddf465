package org.portvakt;

/**
 * What is being reached: 1177 e-tjänster or 1177 journal.
 *
 * <p>The C enum pv_service_kind; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum ServiceKind implements Coded {
  /** e_services */
  E_SERVICES("e_services", 1),
  /** journal */
  JOURNAL("journal", 2);

  private final String json;
  private final int code;

  ServiceKind(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("e_services"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_service_kind. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static ServiceKind fromJson(String name) {
    for (ServiceKind value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (ServiceKind value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
