package org.portvakt;

/**
 * One request of {@link Portvakt#evaluateMany}: a citizen, an actor and a service. Queries that
 * share a citizen (the same object) should follow one another: each run is prepared once.
 *
 * @param citizen the citizen
 * @param actor the actor
 * @param service the service
 */
public record Query(Citizen citizen, Actor actor, Service service) {}
