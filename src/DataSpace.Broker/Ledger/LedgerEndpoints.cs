using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Core.Api;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using Mediator;

namespace DataSpace.Broker.Ledger;

/// <summary>
/// The ledger API: the latest signed checkpoint, entries by range, inclusion and consistency
/// proofs (RFC 9162), and the entries participants record themselves. Reads are public: the
/// ledger is the space's shared, verifiable record.
/// </summary>
internal static class LedgerEndpoints
{
    private const int MaxEntriesPerPage = 1000;

    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ledger").WithTags("Ledger");
        group.MapGet("/checkpoint", async (BrokerLedger ledger, CancellationToken ct) =>
            TypedResults.Text((await ledger.Log.CheckpointAsync(ct)).Note.Format(), "text/plain; charset=utf-8"))
            .WithSummary("The latest checkpoint: a C2SP signed note of the tree's size and root hash");

        group.MapGet("/entries", async Task<IResult> (ulong? start, ulong? end, BrokerLedger ledger, CancellationToken ct) =>
        {
            var size = ledger.Log.Size;
            var from = start ?? 0;
            var to = Math.Min(end ?? size, Math.Min(size, from + MaxEntriesPerPage));
            if (from > size || (end is { } e && e < from))
            {
                return Error.Invalid($"start and end must satisfy 0 <= start <= end <= size ({size}).").ToProblem();
            }
            var entries = new JsonArray();
            for (var i = from; i < to; i++)
            {
                entries.Add(new JsonObject { ["index"] = i, ["entry"] = (await ledger.Log.ReadEntryAsync(i, ct)).ToJson() });
            }
            return TypedResults.Ok(new JsonObject { ["size"] = size, ["start"] = from, ["end"] = to, ["entries"] = entries });
        })
        .WithSummary("Entries [start, end), at most 1000 per call");

        group.MapGet("/proofs/inclusion", (ulong index, ulong? size, BrokerLedger ledger) =>
        {
            var treeSize = size ?? ledger.Log.Size;
            if (index >= treeSize || treeSize > ledger.Log.Size)
            {
                return (IResult)Error.Invalid($"index must be below size, and size at most the ledger's {ledger.Log.Size}.").ToProblem();
            }
            return TypedResults.Ok(new ProofView(index, treeSize, ledger.Log.InclusionProof(index, treeSize).Select(Convert.ToBase64String).ToList()));
        })
        .WithSummary("Inclusion proof of entry index in the tree of size entries (RFC 9162 §2.1.3)");

        group.MapGet("/proofs/consistency", (ulong from, ulong? to, BrokerLedger ledger) =>
        {
            var size2 = to ?? ledger.Log.Size;
            if (from > size2 || size2 > ledger.Log.Size)
            {
                return (IResult)Error.Invalid($"from <= to <= the ledger's size ({ledger.Log.Size}) is required.").ToProblem();
            }
            return TypedResults.Ok(new ProofView(from, size2, ledger.Log.ConsistencyProof(from, size2).Select(Convert.ToBase64String).ToList(), from));
        })
        .WithSummary("Consistency proof between two tree sizes (RFC 9162 §2.1.4)");

        group.MapPost("/entries", async Task<IResult> (HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var caller = Caller.ParticipantId(user);
            var body = await request.ReadJsonObjectAsync(ct);
            if (!caller.IsSuccess || !body.IsSuccess)
            {
                return (caller.Error ?? body.Error)!.ToProblem();
            }
            var result = await mediator.Send(new RecordEntry(caller.Value, body.Value), ct);
            return result.ToCreated(r => $"/ledger/entries?start={r.Index.ToString(CultureInfo.InvariantCulture)}&end={(r.Index + 1).ToString(CultureInfo.InvariantCulture)}");
        })
        .RequireAuthorization()
        .WithSummary("Record a transfer event, deletion, offer withdrawal or policy bundle signed by the caller");
        return app;
    }
}
