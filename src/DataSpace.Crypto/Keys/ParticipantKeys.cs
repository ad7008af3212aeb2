using DataSpace.Core;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Keys;

/// <summary>
/// A participant's private keys: an Ed25519 signing key and an X25519 age identity, both bound
/// to the participant id. Dispose it to release the key handles.
/// </summary>
public sealed class ParticipantKeys : IDisposable
{
    internal ParticipantKeys(string participantId, Ed25519Signer signer, X25519Identity ageIdentity, DateTimeOffset createdAt)
    {
        ParticipantId = participantId;
        Signer = signer;
        AgeIdentity = ageIdentity;
        CreatedAt = createdAt;
    }

    /// <summary>The participant id the keys belong to.</summary>
    public string ParticipantId { get; }

    /// <summary>The Ed25519 signing key, named by the participant id.</summary>
    public Ed25519Signer Signer { get; }

    /// <summary>The X25519 age identity that decrypts data sent to the participant.</summary>
    public X25519Identity AgeIdentity { get; }

    /// <summary>When the keys were generated.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The public half, to register with the broker or give to peers.</summary>
    public PublicIdentity PublicIdentity => new(ParticipantId, Signer.PublicKey.VerifierKey, AgeIdentity.Recipient.ToString());

    /// <summary>Generates fresh keys for <paramref name="participantId"/>.</summary>
    /// <exception cref="ArgumentException">The id is not a valid participant id.</exception>
    public static ParticipantKeys Generate(string participantId, TimeProvider? clock = null)
    {
        if (!Core.Identity.ParticipantId.TryParse(participantId, out _, out var error))
        {
            throw new ArgumentException(error, nameof(participantId));
        }
        return new ParticipantKeys(participantId, Ed25519Signer.Generate(participantId), X25519Identity.Generate(), Timestamps.Now(clock));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Signer.Dispose();
        AgeIdentity.Dispose();
    }
}
