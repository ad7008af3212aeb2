using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Participants;
using DataSpace.Crypto.Jose;

namespace DataSpace.Hosting.Tokens;

/// <summary>
/// Reads the caller of a request authenticated with a space access token: its participant id,
/// and the policy <c>subject</c> (<c>{"id": …, …attributes}</c>) with every attribute in its
/// original JSON type.
/// </summary>
public static class SpaceClaims
{
    // Attributes that are arrays by definition, even when the claims hold a single value.
    private static readonly HashSet<string> ArrayAttributes = [ParticipantAttributes.Certifications, ParticipantAttributes.Enforces];

    /// <summary>The participant id (<c>sub</c>), or null for an anonymous caller.</summary>
    public static string? GetParticipantId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(SpaceTokenClaims.Subject)?.Value;
    }

    /// <summary>
    /// The policy subject: <c>id</c> plus every attribute claim. It is read from the validated
    /// token itself when the identity keeps it (as <see cref="SpaceJwtBearerExtensions"/> sets up),
    /// which restores every JSON type exactly; otherwise from the claims, where numbers and
    /// booleans come back from their value types and repeated claims become arrays.
    /// </summary>
    /// <exception cref="InvalidOperationException">The principal has no <c>sub</c>: it is not authenticated by a space token.</exception>
    public static JsonObject ToPolicySubject(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        // The identity the space token created: the one that names the participant.
        var identity = principal.Identities.FirstOrDefault(i => i.HasClaim(c => c.Type == SpaceTokenClaims.Subject))
            ?? throw new InvalidOperationException("The caller has no sub claim: it was not authenticated with a space access token.");
        var subject = FromToken(identity) ?? FromClaims(identity);
        subject["id"] = identity.FindFirst(SpaceTokenClaims.Subject)!.Value;
        return subject;
    }

    private static JsonObject? FromToken(ClaimsIdentity identity)
    {
        var parts = (identity.BootstrapContext as string)?.Split('.');
        if (parts is not { Length: 3 } || !StrictBase64Url.TryDecode(parts[1], out var payload))
        {
            return null;
        }
        if (ParseOrText(Encoding.UTF8.GetString(payload)) is not JsonObject claims)
        {
            return null;
        }
        var subject = new JsonObject();
        foreach (var (name, value) in claims)
        {
            if (!SpaceTokenClaims.Registered.Contains(name))
            {
                subject[name] = value?.DeepClone();
            }
        }
        return subject;
    }

    private static JsonObject FromClaims(ClaimsIdentity identity)
    {
        var subject = new JsonObject();
        foreach (var group in identity.Claims.Where(c => !SpaceTokenClaims.Registered.Contains(c.Type)).GroupBy(c => c.Type, StringComparer.Ordinal))
        {
            var values = group.Select(ToJson).ToList();
            subject[group.Key] = values.Count > 1 || ArrayAttributes.Contains(group.Key) ? new JsonArray([.. values]) : values[0];
        }
        return subject;
    }

    private static JsonNode? ToJson(Claim claim) => claim.ValueType switch
    {
        ClaimValueTypes.Integer or ClaimValueTypes.Integer32 or ClaimValueTypes.Integer64 when long.TryParse(claim.Value, out var n) => JsonValue.Create(n),
        ClaimValueTypes.Double when double.TryParse(claim.Value, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        ClaimValueTypes.Boolean when bool.TryParse(claim.Value, out var b) => JsonValue.Create(b),
        "JSON" or "JSON_ARRAY" => ParseOrText(claim.Value),
        _ => JsonValue.Create(claim.Value),
    };

    private static JsonNode? ParseOrText(string value)
    {
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetBytes(value));
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
