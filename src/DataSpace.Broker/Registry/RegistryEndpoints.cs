using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using Mediator;

namespace DataSpace.Broker.Registry;

/// <summary>The participant registry API: onboarding and standing (operator), lookups (anyone: keys are public).</summary>
internal static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/participants").WithTags("Registry");
        group.MapPost("/", async Task<IResult> (HttpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var body = await request.ReadObjectElementAsync(cancellationToken);
            if (!body.IsSuccess)
            {
                return body.Error.ToProblem();
            }
            var result = await mediator.Send(new RegisterParticipant(body.Value), cancellationToken);
            return result.ToCreated(p => $"/participants/{p.ParticipantId}");
        })
        .RequireOperator()
        .WithSummary("Register a participant (operator)")
        .WithDescription("Body: the participant's participant.registered entry, signed by its own key. The broker countersigns it and records it in the ledger.");

        group.MapPost("/{participantId}/status", async (string participantId, StatusChange change, IMediator mediator, CancellationToken cancellationToken) =>
            (await mediator.Send(new ChangeParticipantStatus(participantId, change.Status, change.Reason), cancellationToken)).ToOk())
        .RequireOperator()
        .WithSummary("Suspend, reinstate or revoke a participant (operator)");

        group.MapGet("/", (BrokerLedger ledger) => ledger.State.Participants.OrderBy(p => p.RegisteredAt).Select(ParticipantView.Of).ToList())
            .WithSummary("List every participant");

        group.MapGet("/{participantId}", (string participantId, BrokerLedger ledger) =>
            ledger.State.FindParticipant(participantId) is { } p
                ? Results.Ok(ParticipantView.Of(p))
                : Error.NotFound($"{participantId} is not registered.").ToProblem())
            .WithSummary("One participant");
        return app;
    }

    /// <summary>The body of a status change.</summary>
    /// <param name="Status">active, suspended or revoked.</param>
    /// <param name="Reason">Why.</param>
    internal sealed record StatusChange(string Status, string Reason);
}
