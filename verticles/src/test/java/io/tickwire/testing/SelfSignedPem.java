package io.tickwire.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for localhost / 127.0.0.1 made by the JDK's keytool (no crypto library needed), written
 * as the PEM key and certificate files tickwire is configured with, plus a client context that trusts it.
 */
public final class SelfSignedPem {
  private static final String PASSWORD = "test-only";

  public final Path key;
  public final Path cert;
  private final KeyStore store;

  private SelfSignedPem(Path key, Path cert, KeyStore store) {
    this.key = key;
    this.cert = cert;
    this.store = store;
  }

  public static SelfSignedPem create(Path dir) throws Exception {
    Path p12 = dir.resolve("self-signed.p12");
    keytool(List.of("-genkeypair", "-alias", "tickwire", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", p12.toString(),
        "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, PASSWORD.toCharArray());
    }
    PrivateKey privateKey = (PrivateKey) store.getKey("tickwire", PASSWORD.toCharArray());
    Certificate certificate = store.getCertificate("tickwire");
    Path key = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", privateKey.getEncoded()));
    Path cert = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
    return new SelfSignedPem(key, cert, store);
  }

  /** A client TLS context trusting only this certificate. */
  public SSLContext clientContext() throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  private static void keytool(List<String> args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }
}
