using DataSpace.Core.Identity;
using DataSpace.Core.Results;

namespace DataSpace.Core.Negotiation;

/// <summary>
/// A consumer's contract request (DSP ContractRequestMessage), signed by the consumer as a
/// <c>negotiation.requested</c> entry. <see cref="RequestId"/> is the consumer's own id for it:
/// sending the same request again finds the same negotiation (idempotence).
/// </summary>
/// <param name="RequestId">The consumer's request id (1-100 characters).</param>
/// <param name="OfferId">The offer asked for.</param>
/// <param name="Consumer">The consumer's participant id.</param>
/// <param name="Purpose">The declared purpose of this request.</param>
/// <param name="Destination">The country the data will go to (ISO 3166-1 alpha-2).</param>
/// <param name="Delivery"><c>copy</c> or <c>compute</c>.</param>
/// <param name="Terms">The terms asked for.</param>
/// <param name="SentAt">When the consumer sent it.</param>
public sealed record ContractRequest(string RequestId, string OfferId, string Consumer, string Purpose, string Destination, string Delivery, RequestedTerms Terms, DateTimeOffset SentAt)
{
    /// <summary>The entry type the consumer signs the request as.</summary>
    public const string EntryType = "negotiation.requested";

    /// <summary>Checks what the JSON shape cannot.</summary>
    public Error? Validate()
    {
        if (string.IsNullOrWhiteSpace(RequestId) || RequestId.Length > 100)
        {
            return Error.Invalid("requestId must be 1-100 characters.");
        }
        if (!ParticipantId.TryParse(Consumer, out _, out var error))
        {
            return Error.Invalid($"consumer: {error}.");
        }
        if (Delivery is not ("copy" or "compute"))
        {
            return Error.Invalid("delivery must be copy or compute.");
        }
        if (Destination.Length != 2 || !Destination.All(char.IsAsciiLetterUpper))
        {
            return Error.Invalid("destination must be an ISO 3166-1 alpha-2 country code such as CN.");
        }
        if (Terms.ValidUntil <= Terms.ValidFrom)
        {
            return Error.Invalid("terms.validUntil must be after terms.validFrom.");
        }
        return Terms.MaxUses is <= 0 ? Error.Invalid("terms.maxUses must be positive when given.") : null;
    }
}
