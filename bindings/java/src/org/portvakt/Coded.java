package org.portvakt;

/** An enum of this package that stands for a value of a C enum. */
interface Coded {
  /** The value of the C enum. */
  int code();
}
