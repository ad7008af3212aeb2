using System.Text.Json.Nodes;
using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Core;
using DataSpace.Core.Negotiation;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// A consumer negotiates a contract (connector <c>POST /negotiations</c>): the broker and the provider
/// each ask their negotiation policy; FINALIZED (signed by provider, consumer and broker) is an
/// allow, TERMINATED a denial with the policy's reasons — both recorded in the ledger.
/// </summary>
/// <param name="who">The consumer.</param>
/// <param name="offer">The offer's alias.</param>
/// <param name="purpose">The declared purpose.</param>
/// <param name="destination">Where the data goes; the consumer's country when null.</param>
/// <param name="delivery">copy or compute.</param>
/// <param name="terms">The terms asked for, times relative; <c>purposes</c> defaults to the purpose, <c>validFrom</c> to now.</param>
/// <param name="counterOffer">What the consumer does with a counter-offer: <c>accept</c> or <c>decline</c>; null when the scenario expects none.</param>
/// <param name="name">The agreement's name for later actions (<c>"as"</c>).</param>
/// <param name="expected">The outcome scenario.json states.</param>
internal sealed class NegotiateAction(string who, string offer, string purpose, string? destination, string delivery, JsonObject terms, string? counterOffer, string? name, Expectation expected)
    : DemoAction(who, expected)
{
    public override string Describe(Story story)
    {
        var uses = terms["maxUses"] is { } max ? $", {max} use{(max.ToJsonString() == "1" ? "" : "s")}" : "";
        var deleteBy = terms["deleteBy"] is { } by ? $", delete by {by}" : "";
        return $"negotiate {offer} for {purpose}: {delivery} to {Destination(story)}, until {terms["validUntil"]}{uses}{deleteBy}";
    }

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        if (!story.Offers.TryGetValue(offer, out var published))
        {
            return Outcome.Error($"offer {offer} was not published");
        }
        var asked = (JsonObject)terms.DeepClone();
        asked["purposes"] ??= new JsonArray(purpose);
        asked["validFrom"] ??= "now";
        var body = new JsonObject
        {
            ["offerId"] = published.OfferId,
            ["purpose"] = purpose,
            ["destination"] = Destination(story),
            ["delivery"] = delivery,
            ["terms"] = RelativeTime.ResolveAll(asked, Timestamps.Now()),
        };
        var party = story.Running.Party(Who!);
        var answer = await ApiAnswer.SendAsync(party.Local, HttpMethod.Post, "negotiations", body, cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Refusal();
        }
        var view = answer.Json!;
        var countered = "";
        if (view["state"]?.GetValue<string>() == "OFFERED" && view["counterTerms"] is JsonObject counterTerms)
        {
            if (counterOffer is null)
            {
                return Outcome.Error($"the provider made a counter-offer the scenario does not answer (set \"counterOffer\": \"accept\" or \"decline\"): {counterTerms.ToJsonString()}");
            }
            var path = $"negotiations/{view["negotiationId"]!.GetValue<string>()}/{(counterOffer == "accept" ? "acceptance" : "termination")}";
            var reply = counterOffer == "accept"
                ? new JsonObject { ["terms"] = counterTerms.DeepClone() }
                : new JsonObject { ["reason"] = "The consumer declined the counter-offer." };
            answer = await ApiAnswer.SendAsync(party.Local, HttpMethod.Post, path, reply, cancellationToken);
            if (!answer.IsSuccess)
            {
                return answer.Refusal();
            }
            view = answer.Json!;
            countered = $"counter-offer {Difference(body["terms"]!, counterTerms)} {(counterOffer == "accept" ? "accepted" : "declined")}; ";
        }
        var state = view["state"]?.GetValue<string>();
        var index = view["ledgerIndex"]?.GetValue<ulong>();
        if (state == "FINALIZED" && index is { } at)
        {
            var agreementId = NegotiationIds.Agreement(view["negotiationId"]!.GetValue<string>());
            if (name is not null)
            {
                story.Agreements[name] = new AgreementRef(agreementId, at, party.Id);
            }
            var signers = view["agreement"]?["signatures"]?.AsArray().Select(s => s?["kid"]?.GetValue<string>().Split('+')[0]) ?? [];
            return Outcome.Allow($"{countered}FINALIZED: agreement {agreementId} signed by {string.Join(", ", signers)}; contract.agreement at ledger index {at}");
        }
        var reasons = view["reasons"]?.AsArray().Select(r => r?.GetValue<string>()) ?? [];
        return state == "TERMINATED"
            ? Outcome.Deny($"{countered}TERMINATED: {string.Join("; ", reasons)}{(index is { } i ? $" (negotiation.terminated at ledger index {i})" : "")}")
            : Outcome.Error($"the negotiation ended {state ?? "in no state"}: {answer.Text}");
    }

    /// <summary>What the counter-offer changes: "maxUses 10 (asked: none)".</summary>
    private static string Difference(JsonNode asked, JsonObject counterTerms)
    {
        string[] fields = ["purposes", "validFrom", "validUntil", "maxUses", "deleteBy"];
        return string.Join(", ", fields
            .Where(f => counterTerms[f]?.ToJsonString() != asked[f]?.ToJsonString())
            .Select(f => $"{f} {counterTerms[f]?.ToJsonString() ?? "none"} (asked: {asked[f]?.ToJsonString() ?? "none"})"));
    }

    private string Destination(Story story) => destination ?? story.Scenario.Participant(Who!).Country;
}
