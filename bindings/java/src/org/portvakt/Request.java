package org.portvakt;

/**
 * One request of {@link PreparedRecord#evaluateMany}: an actor and a service, about the
 * prepared citizen.
 *
 * @param actor the actor
 * @param service the service
 */
public record Request(Actor actor, Service service) {}
