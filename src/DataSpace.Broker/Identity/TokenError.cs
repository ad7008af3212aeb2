using System.Text.Json.Serialization;

namespace DataSpace.Broker.Identity;

/// <summary>
/// A refused token request, answered as RFC 6749 §5.2 JSON: <c>error</c> is one of the registered
/// codes and <c>error_description</c> a sentence for the participant's operator.
/// </summary>
internal sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string Description,
    [property: JsonIgnore] int Status)
{
    /// <summary>Client authentication failed: unknown participant, bad assertion, bad signature, not active (RFC 7523 §3.2).</summary>
    public static TokenError InvalidClient(string description) => new("invalid_client", description, StatusCodes.Status401Unauthorized);

    /// <summary>A parameter is missing, repeated or malformed.</summary>
    public static TokenError InvalidRequest(string description) => new("invalid_request", description, StatusCodes.Status400BadRequest);

    /// <summary>A grant type other than <c>client_credentials</c>.</summary>
    public static TokenError UnsupportedGrantType(string description) => new("unsupported_grant_type", description, StatusCodes.Status400BadRequest);

    /// <summary>The broker cannot safely accept assertions now (the replay cache is full): fail closed.</summary>
    public static TokenError TemporarilyUnavailable(string description) => new("temporarily_unavailable", description, StatusCodes.Status503ServiceUnavailable);
}
