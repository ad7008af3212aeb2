using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DataSpace.Rego.Builtins.Keys;

namespace DataSpace.Rego.Builtins;

/// <summary><c>crypto.x509.parse_certificates</c>: PEM text, or base64 of PEM or of concatenated DER certificates.</summary>
internal static class CryptoX509Builtins
{
    private const string PemPrefix = "-----BEGIN";

    public static void Register(Registrar r)
    {
        r.Add("crypto.x509.parse_certificates", 1, a =>
        {
            const string fn = "crypto.x509.parse_certificates";
            var certs = Certificates(fn, Args.String(a, 0, fn));
            try
            {
                return new RegoArray(certs.Select(c => (RegoValue)CertificateJson.From(c)).ToArray());
            }
            finally
            {
                certs.ForEach(c => c.Dispose());
            }
        });
    }

    /// <summary>The certificates in the text, in order, with OPA's decision between PEM, base64 PEM and base64 DER.</summary>
    public static List<X509Certificate2> Certificates(string fn, string text)
    {
        byte[] der;
        if (text.StartsWith(PemPrefix, StringComparison.Ordinal))
        {
            der = DerFromPem(text);
        }
        else
        {
            if (!EncodingBuiltins.TryBase64(text, url: false, padded: true, out var decoded))
            {
                throw Args.Error(fn, "illegal base64 data at input byte " + EncodingBuiltins.FirstBad(text, url: false));
            }
            der = decoded.AsSpan().StartsWith(PemPrefix.Select(c => (byte)c).ToArray())
                ? DerFromPem(Encoding.UTF8.GetString(decoded))
                : decoded;
        }
        return ParseDer(fn, der);
    }

    private static byte[] DerFromPem(string text)
    {
        var der = new List<byte>();
        while (Pem.Decode(text) is { } block)
        {
            if (block.Type == "CERTIFICATE")
            {
                der.AddRange(block.Bytes);
            }
            text = block.Rest;
        }
        return [.. der];
    }

    private static List<X509Certificate2> ParseDer(string fn, byte[] der)
    {
        var certs = new List<X509Certificate2>();
        var rest = der.AsMemory();
        try
        {
            while (!rest.IsEmpty)
            {
                AsnDecoder.ReadEncodedValue(rest.Span, AsnEncodingRules.DER, out _, out _, out var consumed);
                certs.Add(X509CertificateLoader.LoadCertificate(rest.Span[..consumed]));
                rest = rest[consumed..];
            }
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            certs.ForEach(c => c.Dispose());
            throw Args.Error(fn, "x509: malformed certificate");
        }
        return certs;
    }
}
