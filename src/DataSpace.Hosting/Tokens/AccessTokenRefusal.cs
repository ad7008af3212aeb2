using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// Why a request's access token was refused, in words a caller can act on: the problem detail of
/// its 401. JwtBearer only says <c>invalid_token</c>, and the validator's own messages are codes
/// with their values hidden; a caller needs to know whether to fetch a new token, ask for one for
/// this service, or stop sending some other credential.
/// </summary>
/// <param name="Detail">The sentence for the problem's <c>detail</c>.</param>
internal sealed record AccessTokenRefusal(string Detail)
{
    private const string FetchOne = "the broker's POST /token issues one (client_credentials with a private_key_jwt assertion)";

    /// <summary>
    /// The refusal for a request that sent <paramref name="sentToken"/> (null: none, or not as a
    /// bearer token) and failed authentication with <paramref name="failure"/> (null: nothing was
    /// checked), at a service that takes the tokens of the broker at <paramref name="broker"/>.
    /// </summary>
    public static AccessTokenRefusal Of(string? sentToken, Exception? failure, string? broker) => new(failure switch
    {
        null when string.IsNullOrEmpty(sentToken) => $"This endpoint needs a space access token: send 'Authorization: Bearer <token>'; {FetchOne}.",
        null => "The access token was not accepted.",
        SecurityTokenExpiredException e => $"The access token expired at {e.Expires:yyyy-MM-ddTHH:mm:ssZ}; {FetchOne}.",
        SecurityTokenNotYetValidException e => $"The access token is not valid before {e.NotBefore:yyyy-MM-ddTHH:mm:ssZ}.",
        SecurityTokenInvalidAudienceException e => $"The access token is for another service (aud {Quoted(e.InvalidAudience ?? Read(sentToken, t => string.Join(", ", t.Audiences)))}): ask the broker for a token for this one.",
        // The broker's own issuer refused: its discovery document was not fetched, so neither its issuer nor its keys are known.
        SecurityTokenInvalidIssuerException when Read(sentToken, t => t.Issuer) is { } issuer && issuer.TrimEnd('/') == broker?.TrimEnd('/') =>
            "The access token could not be checked: the broker's discovery document and signing keys (its JWKS) could not be fetched. Try again shortly.",
        SecurityTokenInvalidIssuerException e => $"The access token was issued by {Quoted(e.InvalidIssuer ?? Read(sentToken, t => t.Issuer))}, not by this space's broker.",
        SecurityTokenSignatureKeyNotFoundException => "The access token is signed with a key the broker does not publish (its kid is not in the broker's JWKS).",
        SecurityTokenInvalidSignatureException => "The access token's signature does not verify with the broker's published keys: it was altered or not issued by the broker.",
        SecurityTokenInvalidTypeException e => $"The token is not an access token: its typ is {Quoted(e.InvalidType ?? Read(sentToken, t => t.Typ))}, an access token's is {SpaceTokenClaims.AccessTokenType}.",
        SecurityTokenInvalidAlgorithmException e => $"The access token is signed with {Quoted(e.InvalidAlgorithm ?? Read(sentToken, t => t.Alg))}; the broker signs access tokens with {SpaceTokenClaims.SigningAlgorithm}.",
        SecurityTokenNoExpirationException => "The access token has no expiry (exp); the broker's tokens always have one.",
        SecurityTokenMalformedException or SecurityTokenArgumentException or ArgumentException =>
            $"The bearer token is not a JWT access token (another credential, such as an operator or local API token, opens only its own endpoints); {FetchOne}.",
        _ => $"The access token was refused ({failure.GetType().Name}).",
    });

    /// <summary>A value of the refused token, read without validating it, only to name it back to its sender.</summary>
    private static string? Read(string? token, Func<JsonWebToken, string?> value)
    {
        try
        {
            return token is null ? null : value(new JsonWebToken(token));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Quoted(string? value) => string.IsNullOrEmpty(value) ? "(none)" : $"'{value}'";
}
