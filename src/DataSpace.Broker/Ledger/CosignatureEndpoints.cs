using Azure.Storage.Blobs;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Broker.Hosting;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Storage.Azure;
using DataSpace.Ledger.Notes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataSpace.Broker.Ledger;

/// <summary>
/// Witness cosignatures of the broker's checkpoints (c2sp.org/tlog-cosignature, cosignature/v1):
/// participants witness the log — each checks that a new checkpoint extends the last one it
/// cosigned (<see cref="CheckpointCosigning"/>) and posts its cosignature here — and anyone reads
/// a checkpoint together with every cosignature collected for it, which a client can hold to a
/// k-of-n <see cref="WitnessPolicy"/>. Cosignatures are kept in an <see cref="ICosignatureStore"/>:
/// the one registered as a service, else beside the ledger (files, or blobs in the Azure ledger's container).
/// </summary>
internal static class CosignatureEndpoints
{
    public static IEndpointRouteBuilder MapCosignatures(this IEndpointRouteBuilder app)
    {
        var store = app.ServiceProvider.GetService<ICosignatureStore>() ?? DefaultStore(app.ServiceProvider.GetRequiredService<BrokerOptions>());
        var group = app.MapGroup("/ledger").WithTags("Ledger");

        group.MapPost("/cosignatures", (HttpRequest request, ClaimsPrincipal user, BrokerLedger ledger, CancellationToken ct) => SubmitAsync(request, user, ledger, store, ct))
            .RequireAuthorization()
            .WithSummary("Cosign a checkpoint: {\"checkpoint\": note} with the log's signature and the caller's cosignature/v1 line")
            .WithDescription("The cosigner key is the caller's registered Ed25519 key as a type 0x04 key named by its participant id. The note must be a checkpoint of this ledger (size and root as in the tree) with the log's valid signature. A later cosignature of the same size by the same participant replaces the earlier one.");

        group.MapGet("/checkpoint/cosigned", (ulong? size, BrokerLedger ledger, CancellationToken ct) => CosignedAsync(size, ledger, store, ct))
            .WithSummary("The checkpoint of a size with every stored cosignature appended");
        return app;
    }

    /// <summary>validate → check against the tree and the caller's key → store → answer.</summary>
    private static async Task<Results<Created<CosignatureReceipt>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, BrokerLedger ledger, ICosignatureStore store, CancellationToken cancellationToken)
    {
        var caller = Caller.ParticipantId(user);
        if (!caller.IsSuccess)
        {
            return caller.Error.ToProblem();
        }
        var body = await request.ReadJsonObjectAsync(cancellationToken);
        var note = body.IsSuccess ? CheckpointOf(body.Value) : body.Error;
        if (!note.IsSuccess)
        {
            return note.Error.ToProblem();
        }
        var accepted = ParticipantCosignatures.Check(ledger, caller.Value, note.Value);
        if (!accepted.IsSuccess)
        {
            return accepted.Error.ToProblem();
        }
        var cosignature = accepted.Value;
        await store.SaveAsync(cosignature, cancellationToken);
        return TypedResults.Created(
            $"/ledger/checkpoint/cosigned?size={cosignature.Size.ToString(CultureInfo.InvariantCulture)}",
            new CosignatureReceipt(cosignature.Size, cosignature.Witness, cosignature.Timestamp));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CosignedAsync(ulong? size, BrokerLedger ledger, ICosignatureStore store, CancellationToken cancellationToken)
    {
        if (size is not { } wanted)
        {
            return Error.Invalid("Name the checkpoint's size: /ledger/checkpoint/cosigned?size=N.").ToProblem();
        }
        var logKey = NoteVerifier.Create(ledger.Log.LogKey.Name, NoteSignatureType.Ed25519, ledger.Log.LogKey.Key);
        var note = CosignedNote.Combine(await store.LoadAsync(wanted, cancellationToken), logKey);
        return note is null
            ? Error.NotFound($"No cosignature of the checkpoint of size {wanted} is stored.").ToProblem()
            : TypedResults.Text(note, "text/plain; charset=utf-8");
    }

    private static Result<string> CheckpointOf(JsonObject body) =>
        body.Count == 1 && body["checkpoint"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : Error.Invalid("The body is {\"checkpoint\": \"<checkpoint note with the log's signature and your cosignature line>\"}.");

    /// <summary>Beside the ledger: files in a file ledger's directory, blobs in an Azure ledger's container (shared by its replicas).</summary>
    private static ICosignatureStore DefaultStore(BrokerOptions options) =>
        options.Ledger.Store == LedgerStoreOptions.File
            ? FileCosignatureStore.InLedger(options.Ledger.Directory ?? Path.Combine(options.DataDirectory, "ledger"))
            : new AzureCosignatureStore(new BlobContainerClient(options.Ledger.ConnectionString, options.Ledger.Container));
}
