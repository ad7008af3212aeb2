using System.Text.Json.Nodes;
using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// A consumer looks for an offer in its catalog (connector <c>GET /catalog</c>, every page): allowed
/// when it is listed; denied when the broker's catalog policy hides it, with the policy's reasons.
/// </summary>
internal sealed class BrowseAction(string who, string offer, Expectation expected) : DemoAction(who, expected)
{
    public override string Describe(Story story) => $"browse the catalog for {offer}";

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        if (!story.Offers.TryGetValue(offer, out var wanted))
        {
            return Outcome.Error($"offer {offer} was not published");
        }
        var party = story.Running.Party(Who!);
        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var answer = await ApiAnswer.SendAsync(party.Local, HttpMethod.Get, cursor is null ? "catalog" : $"catalog?cursor={Uri.EscapeDataString(cursor)}", null, cancellationToken);
            if (!answer.IsSuccess)
            {
                return answer.Refusal();
            }
            listed.AddRange(answer.Json?["items"]?.AsArray().Select(i => i?["offer"]?["id"]?.GetValue<string>() ?? "") ?? []);
            cursor = answer.Json?["next"]?.GetValue<string>();
        }
        while (cursor is not null);

        if (listed.Contains(wanted.OfferId))
        {
            return Outcome.Allow($"listed: {wanted.OfferId} ({listed.Count} offers visible to {party.Id})");
        }
        var registration = await ApiAnswer.SendAsync(story.Running.Operator, HttpMethod.Get, $"participants/{Uri.EscapeDataString(party.Id)}", null, cancellationToken);
        var reasons = registration.Json is JsonObject participant
            ? await story.Explainer.WhyHiddenAsync(participant, wanted.Offer, cancellationToken)
            : [];
        return Outcome.Deny($"not listed: {(reasons.Count > 0 ? string.Join("; ", reasons) : "the catalog policy hides it")}");
    }
}
