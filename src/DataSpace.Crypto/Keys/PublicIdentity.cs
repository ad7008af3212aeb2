using System.Text.Json.Serialization;

namespace DataSpace.Crypto.Keys;

/// <summary>
/// What a participant shows the world: its id, its Ed25519 key as a C2SP note verifier key
/// (<c>id+hash+base64</c>) and the age X25519 recipient that data for it is encrypted to.
/// </summary>
/// <param name="ParticipantId">The participant id, e.g. <c>88.608.8889</c>.</param>
/// <param name="VerifierKey">The Ed25519 public key as a C2SP signed-note verifier key.</param>
/// <param name="AgeRecipient">The X25519 age recipient, <c>age1…</c>.</param>
public sealed record PublicIdentity(
    [property: JsonPropertyName("participantId")] string ParticipantId,
    [property: JsonPropertyName("verifierKey")] string VerifierKey,
    [property: JsonPropertyName("ageRecipient")] string AgeRecipient);
