using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>A participant as the log's registrations define it.</summary>
/// <param name="Registration">The registration body.</param>
/// <param name="Index">Index of the registration entry in the log.</param>
public sealed record RegisteredParticipant(ParticipantRegistration Registration, ulong Index)
{
    /// <summary>The participant id.</summary>
    public string ParticipantId => Registration.ParticipantId;

    /// <summary>The participant's signing key.</summary>
    public Ed25519PublicKey Key => Registration.VerifierKey;
}
