using System.Text.Json.Nodes;

namespace DataSpace.Core.Negotiation;

/// <summary>
/// The body of a <c>negotiation.terminated</c> entry: a negotiation that ended without agreement,
/// signed by whoever ended it (the broker on its own policy denial, or a party), with the reasons
/// and, for a denial, the decision record.
/// </summary>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="OfferId">The offer it was about.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Consumer">The consumer.</param>
/// <param name="By">The participant that ended it.</param>
/// <param name="Reasons">Why.</param>
/// <param name="Time">When.</param>
/// <param name="Decision">The denying decision record, when a policy ended it.</param>
public sealed record NegotiationTerminated(string NegotiationId, string OfferId, string Provider, string Consumer, string By, IReadOnlyList<string> Reasons, DateTimeOffset Time, JsonObject? Decision = null)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "negotiation.terminated";
}
