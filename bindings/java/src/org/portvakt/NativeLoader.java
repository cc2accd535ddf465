package org.portvakt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.portvakt.jni.PortvaktC;

/**
 * Loads the JNI library once, as the SQLite JDBC driver does: from java.library.path when it
 * is there ({@code System.loadLibrary("portvakt_jni")}), otherwise from the jar, where it lies
 * under {@code org/portvakt/native/<os>-<arch>/} (linux-x86-64): copied to a temporary file
 * (deleted when the JVM exits) and loaded from there. The library found must be of the same
 * version as the classes, or loading fails: a stale copy on java.library.path is never used
 * silently.
 */
final class NativeLoader {
  /** The name of the library (libportvakt_jni.so). */
  static final String NAME = "portvakt_jni";
  private static boolean loaded;
  private static String from;

  private NativeLoader() {}

  /** The platform folder of this JVM: "linux-x86-64", "linux-aarch64" ... */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "mac"
        : os.startsWith("windows") ? "windows" : os.replaceAll("\\W", "");
    String a = switch (arch) {
      case "amd64", "x86_64", "x86-64" -> "x86-64";
      case "aarch64", "arm64" -> "aarch64";
      default -> arch.replaceAll("\\W", "");
    };
    return o + "-" + a;
  }

  /** Where the library was loaded from: "java.library.path" or the extracted file. */
  static synchronized String loadedFrom() {
    load();
    return from;
  }

  /** Loads the library if it is not loaded yet. */
  static synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      System.loadLibrary(NAME);
      from = "java.library.path";
    } catch (UnsatisfiedLinkError notOnPath) {
      String resource = "/org/portvakt/native/" + platform() + "/" + System.mapLibraryName(NAME);
      try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
        if (in == null) {
          UnsatisfiedLinkError e = new UnsatisfiedLinkError("portvakt: no " + NAME
              + " on java.library.path and none for " + platform() + " in the jar (" + resource + ")");
          e.addSuppressed(notOnPath);
          throw e;
        }
        Path file = Files.createTempFile("portvakt-" + Version.VERSION + "-", "-" + System.mapLibraryName(NAME));
        file.toFile().deleteOnExit();
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        System.load(file.toAbsolutePath().toString());
        from = file.toString();
      } catch (IOException io) {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError("portvakt: could not extract " + resource + ": " + io);
        e.addSuppressed(notOnPath);
        throw e;
      }
    }
    String version = PortvaktC.pv_version();
    if (!Version.VERSION.equals(version)) {
      throw new UnsatisfiedLinkError("portvakt: the native library (from " + from + ") is version "
          + version + ", the classes are " + Version.VERSION);
    }
    loaded = true;
  }
}
