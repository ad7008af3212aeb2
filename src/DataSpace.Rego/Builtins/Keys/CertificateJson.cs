using System.Formats.Asn1;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;

namespace DataSpace.Rego.Builtins.Keys;

/// <summary>
/// A certificate as the object OPA returns (Go's <c>x509.Certificate</c> marshalled to JSON, plus
/// <c>URIStrings</c>). Only the commonly used members are produced: <c>Raw</c>, <c>Version</c>,
/// <c>SerialNumber</c>, <c>Subject</c>, <c>Issuer</c>, validity, key usage, CA flags and the
/// subject alternative names; empty lists are null, as Go's nil slices are.
/// </summary>
internal static class CertificateJson
{
    private const string SanOid = "2.5.29.17";

    public static RegoObject From(X509Certificate2 cert)
    {
        var basic = cert.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        var usage = cert.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        var (dns, emails, ips, uris) = AlternativeNames(cert);
        return Object(new()
        {
            ["Raw"] = new RegoString(Convert.ToBase64String(cert.RawData)),
            ["Version"] = RegoNumber.Of(cert.Version),
            ["SerialNumber"] = RegoNumber.Of(new BigInteger(cert.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true)),
            ["Subject"] = Name(cert.SubjectName),
            ["Issuer"] = Name(cert.IssuerName),
            ["NotBefore"] = Time(cert.NotBefore),
            ["NotAfter"] = Time(cert.NotAfter),
            ["KeyUsage"] = RegoNumber.Of(usage is null ? 0 : GoKeyUsage(usage.KeyUsages)),
            ["BasicConstraintsValid"] = RegoBoolean.Of(basic is not null),
            ["IsCA"] = RegoBoolean.Of(basic?.CertificateAuthority ?? false),
            ["DNSNames"] = List(dns),
            ["EmailAddresses"] = List(emails),
            ["IPAddresses"] = List(ips),
            ["URIStrings"] = List(uris),
        });
    }

    private static RegoObject Name(X500DistinguishedName name)
    {
        var parts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // DER order, as Go reads names (.NET enumerates in display order by default).
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            if (rdn.HasMultipleElements || rdn.GetSingleElementValue() is not { } value)
            {
                continue;
            }
            var field = rdn.GetSingleElementType().Value switch
            {
                "2.5.4.3" => "CommonName",
                "2.5.4.5" => "SerialNumber",
                "2.5.4.6" => "Country",
                "2.5.4.7" => "Locality",
                "2.5.4.8" => "Province",
                "2.5.4.9" => "StreetAddress",
                "2.5.4.10" => "Organization",
                "2.5.4.11" => "OrganizationalUnit",
                "2.5.4.17" => "PostalCode",
                _ => null,
            };
            if (field is not null)
            {
                (parts.TryGetValue(field, out var list) ? list : parts[field] = []).Add(value);
            }
        }
        string[] multi = ["Country", "Organization", "OrganizationalUnit", "Locality", "Province", "StreetAddress", "PostalCode"];
        var map = multi.ToDictionary(k => k, k => List(parts.GetValueOrDefault(k) ?? []));
        // Go keeps the last CommonName and SerialNumber.
        map["CommonName"] = new RegoString(parts.GetValueOrDefault("CommonName")?[^1] ?? "");
        map["SerialNumber"] = new RegoString(parts.GetValueOrDefault("SerialNumber")?[^1] ?? "");
        return Object(map);
    }

    /// <summary>GeneralNames (RFC 5280 §4.2.1.6): rfc822Name [1], dNSName [2], URI [6], iPAddress [7].</summary>
    private static (List<string> Dns, List<string> Emails, List<string> Ips, List<string> Uris) AlternativeNames(X509Certificate2 cert)
    {
        List<string> dns = [], emails = [], ips = [], uris = [];
        if (cert.Extensions[SanOid] is not { } ext)
        {
            return (dns, emails, ips, uris);
        }
        var names = new AsnReader(ext.RawData, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.TagClass != TagClass.ContextSpecific || tag.TagValue is not (1 or 2 or 6 or 7))
            {
                names.ReadEncodedValue();
                continue;
            }
            if (tag.TagValue == 7)
            {
                ips.Add(new IPAddress(names.ReadOctetString(tag)).ToString());
                continue;
            }
            var text = names.ReadCharacterString(UniversalTagNumber.IA5String, tag);
            (tag.TagValue switch { 1 => emails, 2 => dns, _ => uris }).Add(text);
        }
        return (dns, emails, ips, uris);
    }

    // Go numbers key usages from bit 0 (digitalSignature = 1) upwards; .NET uses the DER bit masks.
    private static int GoKeyUsage(X509KeyUsageFlags flags)
    {
        (X509KeyUsageFlags Flag, int Go)[] map =
        [
            (X509KeyUsageFlags.DigitalSignature, 1), (X509KeyUsageFlags.NonRepudiation, 2), (X509KeyUsageFlags.KeyEncipherment, 4),
            (X509KeyUsageFlags.DataEncipherment, 8), (X509KeyUsageFlags.KeyAgreement, 16), (X509KeyUsageFlags.KeyCertSign, 32),
            (X509KeyUsageFlags.CrlSign, 64), (X509KeyUsageFlags.EncipherOnly, 128), (X509KeyUsageFlags.DecipherOnly, 256),
        ];
        return map.Where(m => flags.HasFlag(m.Flag)).Sum(m => m.Go);
    }

    private static RegoString Time(DateTime t) =>
        new(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static RegoValue List(List<string> items) =>
        items.Count == 0 ? RegoNull.Instance : new RegoArray(items.Select(i => (RegoValue)new RegoString(i)).ToArray());

    private static RegoObject Object(Dictionary<string, RegoValue> members) =>
        new(members.ToDictionary(m => (RegoValue)new RegoString(m.Key), m => m.Value));
}
