using System.Text.Json.Nodes;
using DataSpace.Core;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Policies;
using DataSpace.Policy;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// Says why an offer is missing from a consumer's catalog. The broker only leaves hidden offers out;
/// the demo asks the same <c>dataspace.catalog</c> policy, from the same policy directory, with the
/// input the broker builds (<see cref="PolicyInputs.Browse"/>), for the reasons.
/// </summary>
internal sealed class CatalogExplainer(string policies)
{
    private EmbeddedPolicyEngine? _engine;

    /// <summary>The catalog policy's reasons for hiding <paramref name="offer"/> from <paramref name="participant"/> (the broker's registry view); empty when it would show it.</summary>
    public async Task<IReadOnlyList<string>> WhyHiddenAsync(JsonObject participant, JsonObject offer, CancellationToken cancellationToken)
    {
        var read = DomainJson.Read<Offer>(offer, "the offer");
        if (!read.IsSuccess)
        {
            return [read.Error.Message];
        }
        _engine ??= EmbeddedPolicyEngine.Create(PolicyBundle.Load(policies));
        var decision = await _engine.EvaluateAsync(PolicyInputs.CatalogPath, PolicyInputs.Browse(Subject(participant), read.Value, Timestamps.Now()), cancellationToken);
        return decision.IsAllowed ? [] : decision.Reasons;
    }

    /// <summary>The policy subject the broker derives from a registration: the id and every attribute but the endpoint.</summary>
    private static JsonObject Subject(JsonObject participant)
    {
        var subject = new JsonObject { ["id"] = participant["participantId"]?.DeepClone() };
        foreach (var (name, value) in participant["attributes"]?.AsObject() ?? [])
        {
            if (name is not ("endpoint" or "id"))
            {
                subject[name] = value?.DeepClone();
            }
        }
        return subject;
    }
}
