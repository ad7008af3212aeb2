using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// The JwtBearer token handler, remembering the tokens it validated until they expire. A client
/// sends the same access token with every request for its whole lifetime (minutes), and checking
/// its ES256 signature and claims again each time was about a third of the CPU a small
/// authenticated request cost. A remembered token is still refused once expired (same clock and
/// skew as <see cref="TokenLifetimeValidator"/>); only a valid result is remembered, so a bad
/// token is checked, and refused, every time. Like any token cache, a token stays accepted until
/// it expires even if its signing key is withdrawn meanwhile — access tokens live five minutes.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider clock, TimeSpan clockSkew) : JsonWebTokenHandler
{
    /// <summary>Bounds the memory an attacker with many valid tokens could make it hold.</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Validated> _tokens = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_tokens.TryGetValue(token, out var known))
        {
            if (known.Expires > now - clockSkew)
            {
                return known.Result();
            }
            _tokens.TryRemove(token, out _);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && result.ClaimsIdentity is { } identity)
        {
            MakeRoom(now);
            _tokens[token] = new Validated(jwt, identity.Clone(), result.Issuer, jwt.ValidTo);
        }
        return result;
    }

    private void MakeRoom(DateTime now)
    {
        if (_tokens.Count < Capacity)
        {
            return;
        }
        foreach (var (token, validated) in _tokens)
        {
            if (validated.Expires <= now - clockSkew)
            {
                _tokens.TryRemove(token, out _);
            }
        }
        if (_tokens.Count >= Capacity)
        {
            _tokens.Clear();
        }
    }

    /// <summary>A validated token; each request gets its own copy of the identity, which handlers may change.</summary>
    private sealed record Validated(JsonWebToken Token, ClaimsIdentity Identity, string? Issuer, DateTime Expires)
    {
        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            SecurityToken = Token,
            ClaimsIdentity = Identity.Clone(),
            Issuer = Issuer,
        };
    }
}
