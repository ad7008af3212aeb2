using System.Text.Json.Serialization;

namespace DataSpace.Broker.Identity;

/// <summary>A successful token response (RFC 6749 §5.1).</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn)
{
    /// <summary>Always <c>Bearer</c> (RFC 6750).</summary>
    [JsonPropertyName("token_type")]
    public string TokenType => "Bearer";
}
