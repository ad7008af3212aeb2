using DataSpace.Core.Api;
using DataSpace.Core.Participants;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The other party of a transfer as the broker's registry shows it: its standing, its verifier key
/// (which must be named by its id), and on demand its connector endpoint and age recipient.
/// </summary>
/// <param name="Participant">The registration.</param>
/// <param name="Key">Its Ed25519 verifier key.</param>
internal sealed record RegisteredPeer(Participant Participant, Ed25519PublicKey Key)
{
    public string Id => Participant.Id;

    /// <summary>The policy <c>subject</c>: its id and verified attributes, as the broker builds it (<see cref="PolicyInputs.Subject"/>).</summary>
    public System.Text.Json.Nodes.JsonObject Subject => PolicyInputs.Subject(Participant);

    /// <summary>Reads a registry view of <paramref name="expectedId"/>; a view of another id, a key named otherwise or an unknown standing is refused.</summary>
    public static Result<RegisteredPeer> From(ParticipantView view, string expectedId)
    {
        if (view.ParticipantId != expectedId)
        {
            return Error.Unavailable($"The broker answered the registration of {view.ParticipantId} when {expectedId} was asked.");
        }
        if (!Enum.TryParse<ParticipantStatus>(view.Status, ignoreCase: true, out var status))
        {
            return Error.Unavailable($"The registry shows {expectedId} with an unknown standing \"{view.Status}\".");
        }
        if (!Ed25519PublicKey.TryParse(view.VerifierKey, out var key, out var problem) || key!.Name != expectedId)
        {
            return Error.Unavailable($"The registered verifier key of {expectedId} is not a key named {expectedId}: {problem ?? key!.Name}.");
        }
        return new RegisteredPeer(new Participant(view.ParticipantId, view.VerifierKey, view.AgeRecipient, view.Attributes, status, view.RegisteredAt), key);
    }

    /// <summary>Null when it may act in the space; otherwise why not.</summary>
    public Error? NotActive(string role) => Participant.IsActive
        ? null
        : Error.Forbidden($"The {role} {Id} is {Participant.Status.ToString().ToLowerInvariant()} in the registry.");

    /// <summary>Its connector's base URL (with a final '/', so relative paths resolve under it).</summary>
    public Result<Uri> Endpoint() =>
        Participant.Endpoint is { } text && Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : Error.Unavailable($"{Id} registered no connector endpoint (an absolute http(s) URL in its \"endpoint\" attribute).");

    /// <summary>Its age X25519 recipient, which its transfers are encrypted to.</summary>
    public Result<X25519Recipient> Recipient()
    {
        try
        {
            return X25519Recipient.Parse(Participant.AgeRecipient);
        }
        catch (FormatException)
        {
            return Error.Unavailable($"The registered age recipient of {Id} is not an X25519 recipient (age1…).");
        }
    }
}
