package org.portvakt.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads the JNI library once (the class PortvaktCJNI calls {@link #load()} when it is first
 * used, so any use of the binding, low-level or not, loads it), as the SQLite JDBC driver does: from java.library.path when it
 * is there ({@code System.loadLibrary("portvakt_jni")}), otherwise from the jar, where it lies
 * under {@code org/portvakt/native/<os>-<arch>/} (linux-x86-64): copied to a temporary file
 * in java.io.tmpdir (or the directory of the system property org.portvakt.tmpdir, for a
 * tmpdir mounted noexec), loaded from there and deleted. The library found must be of the same
 * version as the classes, or loading fails: a stale copy on java.library.path is never used
 * silently.
 */
public final class NativeLibrary {
  /** The name of the library (libportvakt_jni.so). */
  public static final String NAME = "portvakt_jni";
  private static boolean loaded;
  private static String from;

  private NativeLibrary() {}

  /** The platform folder of this JVM: "linux-x86-64", "linux-aarch64" ... */
  public static String platform() {
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
  public static synchronized String loadedFrom() {
    load();
    return from;
  }

  /** Loads the library if it is not loaded yet. */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      System.loadLibrary(NAME);
      from = "java.library.path";
    } catch (UnsatisfiedLinkError notOnPath) {
      String resource = "/org/portvakt/native/" + platform() + "/" + System.mapLibraryName(NAME);
      try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
        if (in == null) {
          UnsatisfiedLinkError e = new UnsatisfiedLinkError("portvakt: no " + NAME
              + " on java.library.path and none for " + platform() + " in the jar (" + resource + ")");
          e.addSuppressed(notOnPath);
          throw e;
        }
        String dir = System.getProperty("org.portvakt.tmpdir", System.getProperty("java.io.tmpdir"));
        Path file = Files.createTempFile(Path.of(dir), "portvakt-" + Version.VERSION + "-",
            "-" + System.mapLibraryName(NAME));
        file.toFile().deleteOnExit();
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        System.load(file.toAbsolutePath().toString());
        from = file.toString();
        // Once loaded the file is not needed (Linux keeps the mapping): no copy is left behind,
        // even if the JVM is killed. Where it cannot be deleted yet, deleteOnExit does it.
        try {
          Files.deleteIfExists(file);
        } catch (IOException stillInUse) {
          // deleteOnExit above
        }
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
