package io.tickwire.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** Secrets tickwire generates and keeps in its data directory, readable by the owner only. */
public final class SecretFiles {
  private static final int RANDOM_BYTES = 32;

  private SecretFiles() {
  }

  /** 32 random bytes, base64url without padding: 43 characters, safe in URLs and SQL string literals. */
  public static String generate() {
    byte[] random = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /**
   * Created with its permissions in the same call (never readable by others, not even briefly), and only if
   * absent, so two starting nodes cannot overwrite each other's secret: the loser gets FileAlreadyExistsException.
   */
  public static void create(Path file, String secret) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        ownerOnly())) {
      channel.write(ByteBuffer.wrap(secret.getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException e) {
      Files.deleteIfExists(file); // a half-written secret would lock every later start out
      throw e;
    }
  }

  /** rw------- where the file system has POSIX permissions; elsewhere the directory's own ACLs apply. */
  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
  }
}
