using DataSpace.Core.Api;
using System.Security.Claims;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;

namespace DataSpace.Broker.Agreements;

/// <summary>Agreements as the ledger holds them, for their parties: the provider checks one before a transfer, the consumer before a use.</summary>
internal static class AgreementEndpoints
{
    public static IEndpointRouteBuilder MapAgreements(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agreements/{agreementId}", async Task<IResult> (string agreementId, ClaimsPrincipal user, BrokerLedger ledger, CancellationToken ct) =>
        {
            var caller = Caller.ParticipantId(user);
            if (!caller.IsSuccess)
            {
                return caller.Error.ToProblem();
            }
            if (ledger.State.FindAgreement(agreementId) is not { } record
                || (record.Agreement.Consumer != caller.Value && record.Agreement.Provider != caller.Value))
            {
                return Error.NotFound($"No finalized agreement {agreementId} of {caller.Value}.").ToProblem();
            }
            var entry = await ledger.Log.ReadEntryAsync(record.Index, ct);
            var transfers = ledger.State.Transfers.Where(t => t.AgreementId == agreementId).OrderBy(t => t.StartedAt)
                .Select(t => new TransferStateView(t.TransferId, t.State.ToString().ToUpperInvariant(), t.Deleted, t.SuspendedBy)).ToList();
            return TypedResults.Ok(new AgreementView(agreementId, record.Index, entry.ToJson(), record.Uses, transfers, record.UsesLeft));
        })
        .RequireAuthorization()
        .WithTags("Agreements")
        .WithSummary("A finalized agreement, its uses and its transfers (parties only)");
        return app;
    }
}
