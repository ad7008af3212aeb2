using System.Security.Claims;
using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Connector.Received;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using DataSpace.Hosting.Tokens;
using Mediator;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// Transfers (docs/formats.md, "Transfers"). The provider's side, called by consumer connectors
/// with their space access token: start, stream the sealed content, fetch that stream's signed
/// manifest, acknowledge with a receipt. The consumer's side, for the enterprise's own
/// applications: fetch an agreement's asset into the received-data store.
/// </summary>
internal static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransfers(this IEndpointRouteBuilder app)
    {
        var provider = app.MapGroup("/transfers").WithTags("Transfers (provider)").RequireAuthorization();
        provider.MapPost("/", StartAsync)
            .Produces<TransferTicket>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start (or resume) a transfer under a FINALIZED agreement: contract and policy checked, transfer.started recorded")
            .WithDescription("Body: {\"agreementId\", \"transferId\"}. The caller must be the agreement's consumer.");
        provider.MapGet("/{transferId}/content", ContentAsync)
            .Produces(StatusCodes.Status200OK, contentType: TransferSender.ContentType).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The asset as an age v1 file encrypted to the consumer, streamed; a cut connection is never a whole file");
        provider.MapGet("/{transferId}/manifest", ManifestAsync)
            .Produces<JsonObject>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The provider-signed seal manifest of the content stream whose ciphertext SHA-256 is ?ciphertextSha256=");
        provider.MapPost("/{transferId}/completion", CompleteAsync)
            .Produces<TransferReceipt>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The consumer's receipt (a transfer.completed entry it signed): countersigned and recorded, the transfer is COMPLETED");

        var operatorApi = app.MapGroup("/transfers").WithTags("Transfers (provider's operator)");
        operatorApi.MapPost("/{transferId}/suspension", async (string transferId, TransferAnswer? body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new SuspendProvidedTransfer(transferId, body?.Reason), ct)).ToOk())
            .RequireLocalApi()
            .WithSummary("Suspend a transfer this provider serves: transfer.suspended recorded, a stream in flight cut; the consumer's retries wait for the resumption")
            .WithDescription("Body (optional): {\"reason\"}.");
        operatorApi.MapPost("/{transferId}/resumption", async (string transferId, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ResumeProvidedTransfer(transferId), ct)).ToOk())
            .RequireLocalApi()
            .WithSummary("Resume a transfer this provider suspended: contract and policy checked again, transfer.started recorded (still one use)");
        app.MapPost("/received/{transferId}/suspension", async (string transferId, TransferAnswer? body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new SuspendReceivedTransfer(transferId, body?.AgreementId, body?.Reason), ct)).ToOk())
            .RequireLocalApi().WithTags("Transfers (consumer)")
            .WithSummary("Suspend a transfer this consumer receives: transfer.suspended recorded, a receive in flight stopped (nothing kept); POST /received with the same transferId resumes it")
            .WithDescription("Body (optional): {\"reason\", \"agreementId\"} — agreementId only when this connector has not begun to receive the transfer.");

        app.MapPost("/received", ReceiveAsync)
            .RequireLocalApi().WithTags("Transfers (consumer)")
            .Produces<ReceivedRecord>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Fetch an agreement's asset from its provider: verified, stored encrypted to this participant, receipt recorded")
            .WithDescription("Body: {\"agreementId\", \"transferId\"?}. Repeat with the same transferId to retry; a transfer already received answers 200 with its record.");
        return app;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.GetParticipantId() is not { } caller)
        {
            return Unidentified();
        }
        var body = await request.ReadJsonObjectAsync(ct);
        var read = body.IsSuccess ? DomainJson.Read<TransferRequest>(body.Value, "the transfer request") : body.Error;
        if (!read.IsSuccess)
        {
            return read.Error.ToProblem();
        }
        var started = await mediator.Send(new StartTransfer(caller, read.Value.AgreementId, read.Value.TransferId), ct);
        return started.ToCreated(t => $"/transfers/{t.TransferId}/content");
    }

    private static async Task<IResult> ContentAsync(string transferId, HttpContext http, TransferSender sender)
    {
        if (http.User.GetParticipantId() is not { } caller)
        {
            return Unidentified();
        }
        var outgoing = await sender.PrepareAsync(transferId, caller, http.RequestAborted);
        if (!outgoing.IsSuccess)
        {
            return outgoing.Error.ToProblem();
        }
        await using (outgoing.Value)
        {
            await sender.SendAsync(outgoing.Value, http);
        }
        return Results.Empty;
    }

    private static async Task<IResult> ManifestAsync(string transferId, string? ciphertextSha256, ClaimsPrincipal user, TransferSender sender, CancellationToken ct) =>
        user.GetParticipantId() is { } caller ? (await sender.ManifestAsync(transferId, caller, ciphertextSha256, ct)).ToOk() : Unidentified();

    private static async Task<IResult> CompleteAsync(string transferId, HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.GetParticipantId() is not { } caller)
        {
            return Unidentified();
        }
        var body = await request.ReadJsonObjectAsync(ct);
        return body.IsSuccess ? (await mediator.Send(new CompleteTransfer(caller, transferId, body.Value), ct)).ToOk() : body.Error.ToProblem();
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var body = await request.ReadJsonObjectAsync(ct);
        var read = body.IsSuccess ? DomainJson.Read<ReceiveRequest>(body.Value, "the request") : body.Error;
        if (!read.IsSuccess)
        {
            return read.Error.ToProblem();
        }
        var received = await mediator.Send(new ReceiveTransfer(read.Value.AgreementId, read.Value.TransferId ?? TransferIds.New()), ct);
        if (!received.IsSuccess)
        {
            return received.Error.ToProblem();
        }
        var record = received.Value.Record;
        return received.Value.IsNew ? TypedResults.Created($"/received/{record.TransferId}", record) : TypedResults.Ok(record);
    }

    /// <summary>The optional body of a suspension.</summary>
    internal sealed record TransferAnswer(string? Reason = null, string? AgreementId = null);

    private static IResult Unidentified() => Error.Forbidden("The access token names no participant (no sub claim).").ToProblem();
}
