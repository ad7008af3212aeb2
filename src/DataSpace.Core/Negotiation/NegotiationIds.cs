using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Core.Negotiation;

/// <summary>
/// Ids derived from the consumer's own request id, so a repeated request (a retry after a lost
/// answer) lands on the same negotiation and agreement instead of starting a second one.
/// </summary>
public static class NegotiationIds
{
    /// <summary>The negotiation id of <paramref name="consumer"/>'s request <paramref name="requestId"/>.</summary>
    public static string Negotiation(string consumer, string requestId) => "neg-" + Digest(consumer, requestId);

    /// <summary>The id of the agreement a negotiation produces (at most one).</summary>
    public static string Agreement(string negotiationId) => "agr-" + negotiationId["neg-".Length..];

    private static string Digest(string consumer, string requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(consumer + "\n" + requestId));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
