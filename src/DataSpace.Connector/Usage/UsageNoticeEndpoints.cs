using System.Security.Claims;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using DataSpace.Hosting.Tokens;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataSpace.Connector.Usage;

/// <summary>The provider's usage-notice endpoint, called by its consumers' connectors (space access token; body signed by the consumer).</summary>
internal static class UsageNoticeEndpoints
{
    public static IEndpointRouteBuilder MapUsageNotices(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + UsageNotice.Path, RecordAsync)
            .RequireAuthorization()
            .WithTags("Usage (provider)")
            .WithSummary("A consumer reports a use of this provider's data (notify_provider duty); kept in usage-notices.jsonl")
            .WithDescription("Body: {transferId, agreementId, consumer, purpose, time, use, signatures} signed by the consumer's registered key; the access token's subject must be the consumer, and the agreement this provider's.");
        return app;
    }

    private static async Task<Results<Ok<UsageNoticeReceipt>, ProblemHttpResult>> RecordAsync(HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct)
    {
        if (user.GetParticipantId() is not { } caller)
        {
            return Error.Forbidden("The access token names no participant.").ToProblem();
        }
        var body = await request.ReadJsonObjectAsync(ct);
        return body.IsSuccess ? (await mediator.Send(new RecordUsageNotice(caller, body.Value), ct)).ToOk() : body.Error.ToProblem();
    }
}
