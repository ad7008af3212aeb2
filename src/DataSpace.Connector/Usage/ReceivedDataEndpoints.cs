using System.Diagnostics;
using DataSpace.Connector.Common;
using DataSpace.Connector.Received;
using DataSpace.Core;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Problems;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataSpace.Connector.Usage;

/// <summary>
/// The consumer's received data, for local applications only: list it, describe one transfer, and
/// read it for a declared purpose under <c>dataspace.usage</c> and its duties (<see cref="UseReceivedData"/>).
/// </summary>
internal static class ReceivedDataEndpoints
{
    public static IEndpointRouteBuilder MapReceivedData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/received").WithTags("Received data").RequireLocalApi();
        group.MapGet("/", ListAsync)
            .WithSummary("Every transfer received: agreement, provider, size, digest, obligations, uses, deletion");
        group.MapGet("/{transferId}", GetAsync)
            .WithSummary("One received transfer");
        group.MapGet("/{transferId}/content", ReadAsync)
            .WithSummary("Read the data for a declared purpose (?purpose=…): allowed by dataspace.usage, logged, notified to the provider when agreed, counted, then streamed")
            .WithDescription("403 with the policy's reasons, or naming a duty this connector does not enforce; 410 once deleted, with when and the data.deleted ledger index; 503 when the broker or the provider cannot be reached (fail closed). The body is the plaintext; Repr-Digest carries its SHA-256, and a body that fails decryption or the digest is aborted, never completed.");
        return app;
    }

    private static async Task<Ok<List<ReceivedView>>> ListAsync(ReceivedIndex index, CancellationToken ct)
    {
        var views = new List<ReceivedView>();
        await foreach (var record in index.AllAsync(ct))
        {
            views.Add(ReceivedView.Of(record));
        }
        return TypedResults.Ok(views.OrderBy(v => v.ReceivedAt).ThenBy(v => v.TransferId, StringComparer.Ordinal).ToList());
    }

    private static async Task<Results<Ok<ReceivedView>, ProblemHttpResult>> GetAsync(string transferId, ReceivedIndex index, CancellationToken ct) =>
        await index.FindAsync(transferId, ct) is { } record
            ? TypedResults.Ok(ReceivedView.Of(record))
            : Error.NotFound($"No data was received under transfer {transferId}.").ToProblem();

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ReadAsync(
        string transferId, string? purpose, HttpContext http, IMediator mediator, ParticipantKeys keys, ILoggerFactory loggers)
    {
        var outcome = await mediator.Send(new UseReceivedData(transferId, purpose), http.RequestAborted);
        if (!outcome.IsSuccess)
        {
            return outcome.Error.ToProblem();
        }
        return outcome.Value switch
        {
            DeletedData gone => Gone(gone),
            ReleasedData data => Stream(data, http, keys, loggers.CreateLogger(typeof(ReceivedDataEndpoints).FullName!)),
            _ => throw new UnreachableException($"Unknown use outcome {outcome.Value.GetType().Name}."),
        };
    }

    private static PushStreamHttpResult Stream(ReleasedData data, HttpContext http, ParticipantKeys keys, ILogger logger)
    {
        // RFC 9530: the digest of the whole representation, known before the first byte.
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(data.PlaintextSha256))}:";
        return TypedResults.Stream(async body =>
        {
            await using (data.Ciphertext.ConfigureAwait(false))
            {
                if (await ReceivedPlaintext.CopyAsync(data.Ciphertext.Content, body, keys.AgeIdentity, data.PlaintextSha256, http.RequestAborted) is { } failure)
                {
                    UsageLogMessages.ReadAborted(logger, data.TransferId, data.Use, failure);
                    http.Abort();
                }
            }
        }, "application/octet-stream");
    }

    private static ProblemHttpResult Gone(DeletedData gone)
    {
        var at = Timestamps.Format(gone.DeletedAt);
        var detail = gone.DeletionIndex is { } index
            ? $"The data of transfer {gone.TransferId} was deleted at {at} (delete-after); the deletion is ledger entry {index}."
            : $"The data of transfer {gone.TransferId} was deleted at {at} (delete-after); its data.deleted entry is not in the ledger yet and is retried on every sweep.";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status410Gone,
            title: "Gone",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["deletedAt"] = at, ["deletionIndex"] = gone.DeletionIndex });
    }
}
