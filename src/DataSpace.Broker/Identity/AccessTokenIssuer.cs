using System.Security.Cryptography;
using System.Text.Json;
using DataSpace.Core.Participants;
using DataSpace.Crypto.Jose;
using DataSpace.Hosting.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Broker.Identity;

/// <summary>
/// Issues access tokens: ES256 JWTs in the RFC 9068 profile (<c>typ</c> <c>at+jwt</c>; <c>iss</c>,
/// <c>sub</c>, <c>aud</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>, <c>jti</c>, <c>client_id</c>) that also
/// carry every verified attribute of the participant as a claim of the same JSON type, so a
/// service can hand them to policies as the <c>subject</c> without asking the broker.
/// </summary>
internal sealed class AccessTokenIssuer(BrokerSigningKey key, IOptions<TokenServiceOptions> options, TimeProvider clock)
{
    // Times come from the TimeProvider, never from the handler's own clock.
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(Participant participant, string issuer)
    {
        var now = clock.GetUtcNow();
        var lifetime = options.Value.AccessTokenLifetime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in participant.Attributes)
        {
            if (!SpaceTokenClaims.Registered.Contains(name))
            {
                // A JsonElement is written as is: strings, numbers, booleans, arrays and objects keep their JSON type.
                claims[name] = JsonElement.Parse(value?.ToJsonString() ?? "null");
            }
        }
        claims[SpaceTokenClaims.Subject] = participant.Id;
        claims["client_id"] = participant.Id;
        claims["jti"] = StrictBase64Url.Encode(RandomNumberGenerator.GetBytes(16));

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = SpaceTokenClaims.AccessTokenType,
            Issuer = issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
        return new IssuedToken(token, lifetime);
    }
}
