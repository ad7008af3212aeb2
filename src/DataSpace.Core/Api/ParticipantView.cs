using System.Text.Json.Nodes;
using DataSpace.Core.Participants;

namespace DataSpace.Core.Api;

/// <summary>A participant as the registry API shows it.</summary>
/// <param name="ParticipantId">Its id.</param>
/// <param name="VerifierKey">Its Ed25519 verifier key.</param>
/// <param name="AgeRecipient">Its age recipient, which transfers are encrypted to.</param>
/// <param name="Attributes">Its verified attributes.</param>
/// <param name="Status">active, suspended or revoked.</param>
/// <param name="RegisteredAt">Index of its registration entry.</param>
public sealed record ParticipantView(string ParticipantId, string VerifierKey, string AgeRecipient, JsonObject Attributes, string Status, ulong RegisteredAt)
{
    /// <summary>The view of a participant.</summary>
    public static ParticipantView Of(Participant p) =>
        new(p.Id, p.VerifierKey, p.AgeRecipient, (JsonObject)p.Attributes.DeepClone(), p.Status.ToString().ToLowerInvariant(), p.RegisteredAt);
}
