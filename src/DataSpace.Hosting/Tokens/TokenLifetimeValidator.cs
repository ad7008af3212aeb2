using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// The lifetime check of access tokens (RFC 7519 §4.1.4–4.1.5) on an injected clock:
/// Microsoft.IdentityModel reads the system clock, and services and their tests use
/// <see cref="TimeProvider"/>. Same rule as the library's: <c>exp</c> required, not before now
/// minus the skew; <c>nbf</c>, when present, not after now plus the skew, and not after <c>exp</c>.
/// </summary>
internal static class TokenLifetimeValidator
{
    public static LifetimeValidator For(TimeProvider clock, TimeSpan skew) => (notBefore, expires, _, _) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && exp > now - skew
            && (notBefore is not { } nbf || (nbf <= now + skew && nbf <= exp));
    };
}
