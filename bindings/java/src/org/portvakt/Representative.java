package org.portvakt;

import java.time.LocalDate;

/**
 * A legal representative for the journal (ombud för journalen), rule P2.
 *
 * @param id the id, unique among the representatives (required)
 * @param kind god man or förvaltare (required)
 * @param caresForPerson the appointment includes sörja för person
 * @param consent the principal's consent is recorded
 * @param courtOrder the court order has been presented
 * @param from the first day of the appointment, or null (open)
 * @param until the last day of the appointment, or null (open)
 */
public record Representative(String id, RepresentativeKind kind, boolean caresForPerson,
    boolean consent, boolean courtOrder, LocalDate from, LocalDate until) {}
