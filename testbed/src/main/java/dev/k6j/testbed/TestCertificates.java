package dev.k6j.testbed;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of one testbed, made fresh at start: a test CA, a server certificate it signed for
 * {@code localhost} and {@code 127.0.0.1}, and a client certificate it signed (for {@code tlsAuth} tests).
 * Nothing is trusted by the system, so a client that verifies certificates refuses the server: that is the point
 * of the TLS-verify tests. Immutable.
 */
public final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate ca;
    private final X509Certificate server;
    private final PrivateKey serverKey;
    private final X509Certificate client;
    private final PrivateKey clientKey;

    private TestCertificates(X509Certificate ca, X509Certificate server, PrivateKey serverKey,
                             X509Certificate client, PrivateKey clientKey) {
        this.ca = ca;
        this.server = server;
        this.serverKey = serverKey;
        this.client = client;
        this.clientKey = clientKey;
    }

    /** A new CA with a server and a client certificate. Takes a fraction of a second (RSA key generation). */
    public static TestCertificates generate() {
        try {
            KeyPair caKeys = rsa();
            X500Name caName = new X500Name("CN=k6j testbed CA");
            X509Certificate ca = sign(caName, caKeys, caName, caKeys.getPrivate(), true, null);
            KeyPair serverKeys = rsa();
            X509Certificate server = sign(new X500Name("CN=localhost"), serverKeys, caName, caKeys.getPrivate(), false,
                    new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            KeyPair clientKeys = rsa();
            X509Certificate client = sign(new X500Name("CN=k6j test client"), clientKeys, caName, caKeys.getPrivate(),
                    false, null);
            return new TestCertificates(ca, server, serverKeys.getPrivate(), client, clientKeys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the testbed certificates", e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                        boolean isCa, GeneralNames altNames)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (altNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, altNames);
        }
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    public X509Certificate ca() {
        return ca;
    }

    public X509Certificate server() {
        return server;
    }

    public PrivateKey serverKey() {
        return serverKey;
    }

    /** Key managers that present {@link #server()} (with its CA), for a TLS server of this testbed's own. */
    public KeyManager[] serverKeyManagers() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] password = "testbed".toCharArray();
            keys.setKeyEntry("server", serverKey, password, new Certificate[] {server, ca});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            return keyManagers.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the testbed's server key", e);
        }
    }

    public X509Certificate client() {
        return client;
    }

    public PrivateKey clientKey() {
        return clientKey;
    }

    /** The client certificate in PEM, as a script passes it in {@code tlsAuth[].cert}. */
    public String clientCertificatePem() {
        return pem(client);
    }

    /** The client key in unencrypted PKCS#8 PEM, as a script passes it in {@code tlsAuth[].key}. */
    public String clientKeyPem() {
        try {
            return pem(new JcaPKCS8Generator(clientKey, null).generate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CA certificate in PEM. */
    public String caPem() {
        return pem(ca);
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
