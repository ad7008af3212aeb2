using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Hosting.Problems;
using Mediator;

namespace DataSpace.Connector.Answering;

/// <summary>The provider's negotiation callback, called by the broker (authenticated by the broker's signature on the body).</summary>
internal static class AnsweringEndpoints
{
    public static IEndpointRouteBuilder MapAnswering(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + NegotiationCallback.Path, async Task<IResult> (HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var body = await request.ReadJsonElementAsync(ct);
            if (!body.IsSuccess)
            {
                return body.Error.ToProblem();
            }
            // The answer is already its signed JSON bytes: written as they are.
            var answer = await mediator.Send(new AnswerNegotiation(body.Value), ct);
            return answer.IsSuccess ? Results.Bytes(answer.Value, "application/json; charset=utf-8") : answer.Error.ToProblem();
        })
        .WithTags("Negotiation (provider)")
        .WithSummary("Answer a negotiation message forwarded by the broker (broker-signed body; the answer signed by this provider, or carrying the agreement or termination it signed)");
        return app;
    }
}
