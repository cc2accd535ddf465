package org.portvakt.jni;

import java.time.LocalDate;

/**
 * How a pv_date crosses JNI: one int, {@code year << 9 | month << 5 | day}; 0 is PV_DATE_NONE
 * (null). The C side is pvj_pack_date() and pvj_unpack_date() (native/pvj_record.c).
 */
public final class Dates {
  /** A packed date that is not one ({0, 13, 1}): what a year outside 1-9999 crosses as, so
      that the library refuses it naming the field. */
  static final int NOT_A_DATE = 13 << 5 | 1;

  private Dates() {}

  /** The packed form of {@code date} (null: 0). */
  public static int pack(LocalDate date) {
    if (date == null) {
      return 0;
    }
    int year = date.getYear();
    if (year < 1 || year > 9999) {
      return NOT_A_DATE;
    }
    return year << 9 | date.getMonthValue() << 5 | date.getDayOfMonth();
  }

  /** The date of a packed form (0: null). */
  public static LocalDate unpack(int packed) {
    if (packed == 0) {
      return null;
    }
    return LocalDate.of(packed >>> 9, packed >> 5 & 15, packed & 31);
  }
}
