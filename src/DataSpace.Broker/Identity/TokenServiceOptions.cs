namespace DataSpace.Broker.Identity;

/// <summary>
/// Settings of the broker's token service (OAuth2 <c>client_credentials</c> with
/// <c>private_key_jwt</c> client assertions, RFC 6749 §4.4 and RFC 7523 §2.2).
/// </summary>
public sealed class TokenServiceOptions
{
    /// <summary>
    /// Folder that holds the token signing key (<c>token-signing-key.jwk.json</c>, mode 0600),
    /// created on first start and reused afterwards. Required.
    /// </summary>
    public string KeyDirectory { get; set; } = "";

    /// <summary>
    /// The issuer (<c>iss</c>) of access tokens and of the discovery document, an absolute URL
    /// without a trailing slash. When null, each request's own base URL is used, which trusts
    /// its Host header: set it in production, and whenever services reach the broker under a
    /// different name than participants do.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) of access tokens; every service validates it.</summary>
    public string Audience { get; set; } = "dataspace";

    /// <summary>How long an access token is valid.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest accepted client assertion lifetime: <c>exp</c> at most this far past <c>iat</c> and now.</summary>
    public TimeSpan MaxAssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated clock difference with participants when checking <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most assertion ids (<c>jti</c>) remembered at once; beyond it the service refuses until some expire.</summary>
    public int ReplayCacheCapacity { get; set; } = 100_000;

    /// <summary>Token requests allowed per client IP address in each <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPermits { get; set; } = 30;

    /// <summary>The fixed window of the per-IP rate limit on <c>POST /token</c>.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
