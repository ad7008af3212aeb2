using System.Text.Json.Nodes;

namespace DataSpace.Core.Participants;

/// <summary>
/// A participant as the ledger's entries define it: its keys, its verified attributes and its
/// standing. Attributes are the object the operator registered (see <see cref="ParticipantAttributes"/>).
/// </summary>
/// <param name="Id">The participant id (identifier prefix).</param>
/// <param name="VerifierKey">Its Ed25519 verifier key, C2SP text form.</param>
/// <param name="AgeRecipient">Its age X25519 recipient (<c>age1…</c>).</param>
/// <param name="Attributes">Its verified attributes.</param>
/// <param name="Status">Its standing now.</param>
/// <param name="RegisteredAt">Index of its registration entry.</param>
public sealed record Participant(string Id, string VerifierKey, string AgeRecipient, JsonObject Attributes, ParticipantStatus Status, ulong RegisteredAt)
{
    /// <summary>The connector endpoint the broker forwards negotiations to, if it has one.</summary>
    public string? Endpoint => Attributes.TryGetPropertyValue(ParticipantAttributes.Endpoint, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>True when it may act in the space.</summary>
    public bool IsActive => Status == ParticipantStatus.Active;
}
