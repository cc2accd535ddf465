package org.portvakt;

/**
 * One row of {@link Portvakt#whoCanSee}: an actor named in the record, a service and, for the
 * journal, a unit (null for the whole journal), with the decision for them.
 *
 * @param actorKind self, guardian or representative
 * @param actorId the guardian's or representative's id; null for the citizen
 * @param service the e-services or the journal
 * @param unit the unit, or null for e-services and the whole journal
 * @param channel the channel asked through (the portal for e-services, the direct channel for
 *     the journal, which the citizen's login lock does not close: E2)
 * @param decision the decision on the date asked
 */
public record AccessRow(ActorKind actorKind, String actorId, ServiceKind service, String unit,
    Channel channel, Decision decision) {}
