namespace DataSpace.Hosting.Tokens;

/// <summary>
/// The shape of the space's access tokens, shared by the broker that issues them and the services
/// that validate them (docs/formats.md, "Access tokens and client assertions").
/// </summary>
public static class SpaceTokenClaims
{
    /// <summary>The JWT <c>typ</c> of access tokens (RFC 9068 §2.1), so no other JWT passes for one.</summary>
    public const string AccessTokenType = "at+jwt";

    /// <summary>The only access token signature algorithm (RFC 7518 §3.4).</summary>
    public const string SigningAlgorithm = "ES256";

    /// <summary>The claim naming the participant (RFC 7519 §4.1.2).</summary>
    public const string Subject = "sub";

    /// <summary>
    /// Claims the token itself defines. A participant attribute with one of these names is never
    /// copied into a token, so no registration can forge an issuer, subject or lifetime.
    /// </summary>
    public static IReadOnlySet<string> Registered { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "client_id", "scope", "cnf", "typ", "azp",
    };
}
