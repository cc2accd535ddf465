package org.portvakt;

import java.time.LocalDate;

/**
 * The service asked for. For the journal: no unit is the whole journal, a unit is that unit's
 * records, a unit and an entry date is one entry. E-services take neither, and only the portal.
 *
 * @param kind e-services or the journal (required)
 * @param channel the portal or the direct channel (null: the portal)
 * @param unit the unit, or null for the whole journal
 * @param entryDate the registration date of one entry, or null
 */
public record Service(ServiceKind kind, Channel channel, String unit, LocalDate entryDate) {
  /** 1177 e-tjänster, through the portal. */
  public static Service eServices() {
    return new Service(ServiceKind.E_SERVICES, Channel.PORTAL, null, null);
  }

  /** The whole journal, through the portal. */
  public static Service journal() {
    return new Service(ServiceKind.JOURNAL, Channel.PORTAL, null, null);
  }

  /** One unit's journal, through the portal. */
  public static Service journal(String unit) {
    return new Service(ServiceKind.JOURNAL, Channel.PORTAL, unit, null);
  }

  /** This service asked for through {@code channel}. */
  public Service through(Channel channel) {
    return new Service(kind, channel, unit, entryDate);
  }
}
