package org.portvakt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The loader takes the JNI library from java.library.path when it is there, else from the jar
    (the test is run both ways: -Dportvakt.loader=path|jar). */
class LoaderTest {
  @Test
  void loadsFromWhereItShould() {
    String expect = System.getProperty("portvakt.loader", "jar");
    String from = org.portvakt.jni.NativeLibrary.loadedFrom();
    System.out.println("portvakt: JNI library loaded from " + from);
    if (expect.equals("path")) {
      assertEquals("java.library.path", from);
    } else {
      assertNotEquals("java.library.path", from);
    }
    assertEquals(org.portvakt.jni.Version.VERSION, Portvakt.version());
    if (System.getProperty("os.arch").equals("amd64")) {
      assertEquals("linux-x86-64", org.portvakt.jni.NativeLibrary.platform());
    }
  }
}
