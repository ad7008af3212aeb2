using System.Text.Json;
using DataSpace.Broker.Registry;
using DataSpace.Core.Participants;
using DataSpace.Crypto.Jose;
using DataSpace.Crypto.Signatures;
using Microsoft.Extensions.Options;

namespace DataSpace.Broker.Identity;

/// <summary>
/// Authenticates a participant by its client assertion (RFC 7523 §3, RFC 7521 §4.2), in the
/// order that makes each step safe to take:
/// <list type="number">
/// <item>parse the EdDSA JWS strictly (RFC 8037) and read its claims;</item>
/// <item><c>iss</c> and <c>sub</c> are the same participant id, and so is <c>client_id</c> if sent;</item>
/// <item>the participant is registered and its verifier key parses;</item>
/// <item>the signature verifies under that key — only now are the claims trusted;</item>
/// <item>the participant is active (suspended and revoked ones get no tokens);</item>
/// <item><c>aud</c> names this token endpoint or the issuer;</item>
/// <item><c>exp</c> is present, not past, and at most the assertion lifetime ahead of now and of
///   <c>iat</c>; <c>nbf</c> and <c>iat</c>, when present, are not in the future;</item>
/// <item><c>jti</c> is present and never used before; it is remembered until <c>exp</c>.</item>
/// </list>
/// Every refusal is <c>invalid_client</c> (RFC 7523 §3.2) with a sentence that says what to fix.
/// </summary>
internal sealed class ClientAssertionValidator(
    IParticipantDirectory participants,
    AssertionReplayCache replays,
    IOptions<TokenServiceOptions> options,
    TimeProvider clock,
    ILogger<ClientAssertionValidator> logger)
{
    private const int MaxIdLength = 256;

    public (Participant? Participant, TokenError? Error) Validate(TokenRequest request, TokenServiceUrls urls)
    {
        // Step 1: parse.
        if (!CompactJws.TryParse(request.Assertion, out var jws, out var parseError))
        {
            return Refuse($"The client assertion is not a valid EdDSA JWT: {parseError}.");
        }
        if (!jws.TryGetPayloadObject(out var claims))
        {
            return Refuse("The client assertion's payload is not a JSON object of claims.");
        }

        // Step 2: who it claims to be.
        var issuer = Text(claims, "iss");
        if (issuer is null || Text(claims, "sub") != issuer)
        {
            return Refuse("The client assertion must carry iss and sub, both equal to the participant id.");
        }
        if (request.ClientId is { } clientId && clientId != issuer)
        {
            return Refuse($"client_id '{clientId}' differs from the assertion's issuer '{issuer}'.");
        }

        // Step 3: the registered key.
        if (participants.Find(issuer) is not { } participant)
        {
            return Refuse($"No participant '{issuer}' is registered in this space.");
        }
        if (!Ed25519PublicKey.TryParse(participant.VerifierKey, out var key, out var keyError))
        {
            TokenServiceLog.RegisteredKeyUnusable(logger, participant.Id, keyError);
            return Refuse($"The registered key of participant '{issuer}' cannot be used; ask the operator to re-register it.");
        }

        // Step 4: the signature.
        if (!jws.Verify(key!))
        {
            var hint = jws.KeyId is { } kid && kid != key!.KeyId ? $" (it names key {kid}; the registered key is {key.KeyId})" : "";
            return Refuse($"The client assertion's signature does not verify with the registered key of participant '{issuer}'{hint}.");
        }

        // Step 5: standing.
        if (!participant.IsActive)
        {
            return Refuse($"Participant '{issuer}' is {participant.Status.ToString().ToLowerInvariant()} and may not obtain tokens.");
        }

        // Step 6: audience.
        if (!HasAudience(claims, urls))
        {
            return Refuse($"The client assertion's aud must contain the token endpoint {urls.TokenEndpoint} (or the issuer {urls.Issuer}).");
        }

        // Step 7: time.
        var now = clock.GetUtcNow();
        if (CheckTimes(claims, now) is { } timeError)
        {
            return Refuse(timeError);
        }

        // Step 8: replay, recorded only for an assertion that passed everything else.
        if (Text(claims, "jti") is not { Length: <= MaxIdLength } jti)
        {
            return Refuse($"The client assertion must carry a jti: a unique id of at most {MaxIdLength} characters.");
        }
        var expires = NumericDate.TryRead(claims, "exp", out var exp) ? exp!.Value : now;
        return replays.TryRecord(issuer, jti, expires + options.Value.ClockSkew, now) switch
        {
            ReplayCheck.New => (participant, null),
            ReplayCheck.Replayed => Refuse($"The client assertion with jti '{jti}' was already used; sign a fresh one for each request."),
            _ => (null, TokenError.TemporarilyUnavailable("The token service is receiving too many requests to check for replays; retry in a minute.")),
        };
    }

    private string? CheckTimes(JsonElement claims, DateTimeOffset now)
    {
        var skew = options.Value.ClockSkew;
        var maxLifetime = options.Value.MaxAssertionLifetime;
        if (!NumericDate.TryRead(claims, "exp", out var exp) || !NumericDate.TryRead(claims, "nbf", out var nbf) || !NumericDate.TryRead(claims, "iat", out var iat))
        {
            return "The client assertion's exp, nbf and iat must be NumericDate numbers (seconds since 1970).";
        }
        if (exp is null)
        {
            return "The client assertion must carry exp.";
        }
        if (exp <= now - skew)
        {
            return $"The client assertion expired at {exp:O}; sign a fresh one.";
        }
        if (exp > now + maxLifetime + skew || (iat is not null && exp - iat > maxLifetime))
        {
            return $"The client assertion's exp is more than {maxLifetime.TotalSeconds:0} seconds ahead; use a short-lived assertion (60 seconds is plenty).";
        }
        if (nbf > now + skew || iat > now + skew)
        {
            return "The client assertion is not valid yet (nbf or iat in the future); check the participant's clock.";
        }
        return null;
    }

    private static bool HasAudience(JsonElement claims, TokenServiceUrls urls)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return false;
        }
        bool Names(JsonElement value) => value.ValueKind == JsonValueKind.String && value.GetString() is { } text && (text == urls.TokenEndpoint || text == urls.Issuer);
        return aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Any(Names) : Names(aud);
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private (Participant?, TokenError?) Refuse(string reason)
    {
        TokenServiceLog.AssertionRefused(logger, reason);
        return (null, TokenError.InvalidClient(reason));
    }
}
