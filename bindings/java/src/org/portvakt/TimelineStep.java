package org.portvakt;

import java.time.LocalDate;

/**
 * One step of {@link Portvakt#timeline}: from {@code from} on (until the next step) the decision
 * is {@code decision} (T1).
 *
 * @param from the first day of the step
 * @param decision the decision from that day
 */
public record TimelineStep(LocalDate from, Decision decision) {}
