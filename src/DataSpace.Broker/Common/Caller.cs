using System.Security.Claims;
using DataSpace.Core.Results;

namespace DataSpace.Broker.Common;

/// <summary>Who is calling: the participant id in the verified access token's <c>sub</c>.</summary>
internal static class Caller
{
    public static Result<string> ParticipantId(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value is { Length: > 0 } id
            ? id
            : Error.Forbidden("The access token names no participant (sub).");
}
