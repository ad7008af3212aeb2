using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// The lifetime check of access tokens (RFC 7519 §4.1.4–4.1.5) on an injected clock:
/// Microsoft.IdentityModel reads the system clock, and services and their tests use
/// <see cref="TimeProvider"/>. Same rule as the library's: <c>exp</c> required, not before now
/// minus the skew; <c>nbf</c>, when present, not after now plus the skew, and not after <c>exp</c>.
/// A refusal throws the library's exception for the rule broken (expired, not yet valid, no
/// expiry), so the 401 can say which (<see cref="AccessTokenRefusal"/>); a bare false would only
/// say the lifetime was wrong.
/// </summary>
internal static class TokenLifetimeValidator
{
    public static LifetimeValidator For(TimeProvider clock, TimeSpan skew) => (notBefore, expires, _, _) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }
        if (exp <= now - skew)
        {
            throw new SecurityTokenExpiredException("The token expired.") { Expires = exp };
        }
        if (notBefore is { } nbf && (nbf > now + skew || nbf > exp))
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }
        return true;
    };
}
