using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>
/// The body of a <c>participant.registered</c> entry: binds a participant id to its Ed25519
/// verifier key, its age X25519 recipient and its verified attributes. The entry must be signed by
/// that key (proof of possession) and by the log operator; the operator may register itself with
/// its own signature alone. Later entries may be signed only by keys registered this way.
/// </summary>
/// <param name="ParticipantId">The participant id; equal to the key's name.</param>
/// <param name="VerifierKey">The participant's signing key.</param>
/// <param name="AgeRecipient">The participant's <c>age1…</c> recipient, for sealed transfers.</param>
/// <param name="Attributes">Verified attributes (country, sector, security profile…), an object.</param>
public sealed record ParticipantRegistration(string ParticipantId, Ed25519PublicKey VerifierKey, string AgeRecipient, JsonObject Attributes)
{
    /// <summary>The entry type of a registration.</summary>
    public const string EntryType = "participant.registered";

    /// <summary>The entry body.</summary>
    public JsonObject ToBody() => new()
    {
        ["ageRecipient"] = AgeRecipient,
        ["attributes"] = Attributes.DeepClone(),
        ["participantId"] = ParticipantId,
        ["verifierKey"] = VerifierKey.VerifierKey,
    };

    /// <summary>Reads a registration body strictly; the reason says what is wrong.</summary>
    public static bool TryRead(JsonElement body, out ParticipantRegistration? registration, out string? reason)
    {
        registration = null;
        if (body.ValueKind != JsonValueKind.Object || body.EnumerateObject().Count() != 4
            || !body.TryGetString("participantId", out var id) || !body.TryGetString("verifierKey", out var vkey)
            || !body.TryGetString("ageRecipient", out var recipient)
            || !body.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object)
        {
            reason = "a registration body has exactly the strings participantId, verifierKey, ageRecipient and the object attributes";
            return false;
        }
        if (!DataSpace.Core.Identity.ParticipantId.TryParse(id, out _, out var idError))
        {
            reason = idError;
            return false;
        }
        if (!Ed25519PublicKey.TryParse(vkey, out var key, out var keyError))
        {
            reason = $"verifierKey: {keyError}";
            return false;
        }
        if (key!.Name != id)
        {
            reason = $"the verifier key is named {key.Name}, not the participant id {id}";
            return false;
        }
        if (!recipient.StartsWith("age1", StringComparison.Ordinal))
        {
            reason = "ageRecipient must be an age X25519 recipient (age1…)";
            return false;
        }
        registration = new ParticipantRegistration(id, key, recipient, JsonObject.Create(attributes)!);
        reason = null;
        return true;
    }
}
