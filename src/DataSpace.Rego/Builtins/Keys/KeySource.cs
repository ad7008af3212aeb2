using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DataSpace.Rego.Builtins.Keys;

/// <summary>
/// Public keys from the text a policy passes to <c>io.jwt.verify_*</c> and <c>decode_verify</c>:
/// a PEM certificate, a PEM public key, or a JWK (set). A PEM block is never valid JSON, so
/// both can be tried, as OPA does; the error messages are OPA's.
/// </summary>
internal static class KeySource
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private const string Ed25519Oid = "1.3.101.112";

    public static List<VerificationKey> FromCertOrJwk(string text)
    {
        if (Pem.Decode(text) is { } block)
        {
            if (block.Rest.Length > 0)
            {
                throw new KeyFormatException("extra data after a PEM certificate block");
            }
            return block.Type switch
            {
                "CERTIFICATE" => [new VerificationKey("", "", FromCertificate(block.Bytes))],
                "PUBLIC KEY" => [new VerificationKey("", "", FromPublicKeyInfo(block.Bytes))],
                _ => throw new KeyFormatException("failed to extract a Key from the PEM certificate"),
            };
        }
        try
        {
            return Jwk.ParseSet(text);
        }
        catch (KeyFormatException e)
        {
            throw new KeyFormatException("failed to parse a JWK key (set): " + e.Message);
        }
    }

    private static object FromCertificate(byte[] der)
    {
        try
        {
            using var cert = X509CertificateLoader.LoadCertificate(der);
            return FromPublicKey(cert.PublicKey);
        }
        catch (CryptographicException e)
        {
            throw new KeyFormatException("failed to parse a PEM certificate: " + e.Message);
        }
    }

    private static object FromPublicKeyInfo(byte[] der)
    {
        try
        {
            return FromPublicKey(PublicKey.CreateFromSubjectPublicKeyInfo(der, out _));
        }
        catch (CryptographicException e)
        {
            throw new KeyFormatException("failed to parse a PEM public key: " + e.Message);
        }
    }

    /// <summary>The key of a certificate or SubjectPublicKeyInfo (RFC 5280 §4.1.2.7).</summary>
    public static object FromPublicKey(PublicKey key) => key.Oid.Value switch
    {
        RsaOid => key.GetRSAPublicKey()!,
        EcOid => key.GetECDsaPublicKey()!,
        // RFC 8410 §4: the BIT STRING holds the 32-byte public key itself.
        Ed25519Oid => new Ed25519Key(key.EncodedKeyValue.RawData, null),
        var oid => throw new CryptographicException($"unsupported public key algorithm {oid}"),
    };
}
