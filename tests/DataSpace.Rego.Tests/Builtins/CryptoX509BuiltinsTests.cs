using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DataSpace.Rego.Tests.Builtins;

public sealed class CryptoX509BuiltinsTests
{
    [Fact]
    public void ParseCertificates_ReadsNamesAndAlternativeNames_FromPemAndBase64Der()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=svc.example, O=Example, O=Unit", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("svc.example");
        san.AddUri(new Uri("spiffe://example.com/svc"));
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(1));
        var input = RegoValue.ParseJson($$"""{"pem": "{{cert.ExportCertificatePem().Replace("\n", "\\n", StringComparison.Ordinal)}}", "der": "{{Convert.ToBase64String(cert.RawData)}}"}""");
        var engine = RegoEngine.Compile(new Dictionary<string, string>
        {
            ["p.rego"] = """
                package t
                p := [[c.Subject.CommonName, c.Subject.Organization, c.DNSNames, c.URIStrings, c.NotBefore] |
                    some s in [input.pem, input.der]
                    some c in crypto.x509.parse_certificates(s)
                ]
                """,
        });
        var one = RegoValue.ParseJson("""["svc.example", ["Unit", "Example"], ["svc.example"], ["spiffe://example.com/svc"], "1970-01-01T00:00:00Z"]""");
        Assert.Equal(new RegoArray([one, one]), engine.EvaluateRule("data.t.p", input));
    }
}
