using System.Text.Json.Nodes;
using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Core;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>The provider publishes a sample offer (connector <c>POST /offers</c>): signed by it, recorded in the ledger, listed in the catalog.</summary>
internal sealed class PublishOfferAction(OfferSample offer) : DemoAction(offer.Owner, Expectation.Allow)
{
    public override string Describe(Story story)
    {
        var terms = offer.Body["terms"]!;
        var audience = terms["public"]?.GetValue<bool>() == true ? "public" : $"to {terms["audience"]?.AsArray().Count ?? 0} named participants";
        var uses = terms["maxUses"] is { } max ? $", at most {max} uses" : "";
        return $"offer {offer.Alias}: {Join(terms["purposes"])}; {Join(terms["delivery"])}; {audience}{uses}";
    }

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        var party = story.Running.Party(offer.Owner);
        var body = RelativeTime.ResolveAll(offer.Body, Timestamps.Now());
        var answer = await ApiAnswer.SendAsync(party.Local, HttpMethod.Post, "offers", body, cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Refusal();
        }
        var published = answer.Json!["offer"]!.AsObject();
        var index = answer.Json["index"]!.GetValue<ulong>();
        story.Offers[offer.Alias] = new OfferRef(published["id"]!.GetValue<string>(), index, published);
        return Outcome.Allow($"offer.published at ledger index {index} as {published["id"]}");
    }

    private static string Join(JsonNode? values) => values is JsonArray array ? string.Join(", ", array.Select(v => v?.GetValue<string>())) : "";
}
