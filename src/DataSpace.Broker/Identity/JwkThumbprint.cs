using System.Security.Cryptography;
using System.Text;
using DataSpace.Crypto.Jose;

namespace DataSpace.Broker.Identity;

/// <summary>
/// RFC 7638 JWK thumbprint of an EC public key: SHA-256 over the required members in
/// lexicographic order without whitespace (§3.2), <c>{"crv","kty","x","y"}</c>, in base64url.
/// </summary>
internal static class JwkThumbprint
{
    public static string OfEcKey(string crv, string x, string y)
    {
        // The member values are base64url or curve names: nothing that JSON would escape.
        var json = $$"""{"crv":"{{crv}}","kty":"EC","x":"{{x}}","y":"{{y}}"}""";
        return StrictBase64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
