using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Jose;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// A participant's client assertion (RFC 7523 §3): an EdDSA JWT with <c>iss</c> = <c>sub</c> =
/// the participant id, <c>aud</c> = the broker's token endpoint, a fresh random <c>jti</c>, and a
/// 60-second lifetime — short, so a leaked assertion is worthless almost at once.
/// </summary>
internal static class ClientAssertion
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static string Create(Ed25519Signer signer, string participantId, string tokenEndpoint, DateTimeOffset now) =>
        EdDsaJws.CreateJwt(signer, new JsonObject
        {
            ["iss"] = participantId,
            ["sub"] = participantId,
            ["aud"] = tokenEndpoint,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["jti"] = StrictBase64Url.Encode(RandomNumberGenerator.GetBytes(16)),
        });
}
