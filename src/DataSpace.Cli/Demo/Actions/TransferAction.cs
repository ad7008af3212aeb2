using System.Text.Json.Nodes;
using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// A consumer fetches the asset of one of its agreements (connector <c>POST /received</c>): the
/// provider checks the contract and its transfer policy, records transfer.started, streams the data
/// age-encrypted to the consumer with a signed manifest; the consumer verifies, stores and signs the
/// receipt, recorded as transfer.completed.
/// </summary>
internal sealed class TransferAction(string who, string agreement, string? name, Expectation expected) : DemoAction(who, expected)
{
    public override string Describe(Story story) => $"fetch the data of agreement {agreement}";

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        if (!story.Agreements.TryGetValue(agreement, out var agreed))
        {
            return Outcome.Error($"there is no agreement {agreement}: its negotiation did not finalize");
        }
        var party = story.Running.Party(Who!);
        var answer = await ApiAnswer.SendAsync(party.Local, HttpMethod.Post, "received", new JsonObject { ["agreementId"] = agreed.AgreementId }, cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Refusal();
        }
        var record = answer.Json!;
        var transferId = record["transferId"]!.GetValue<string>();
        if (name is not null)
        {
            story.Transfers[name] = new TransferRef(transferId, party.Id);
        }
        var sha = record["plaintextSha256"]?.GetValue<string>() ?? "";
        var duties = record["obligations"]?.AsArray().Select(o => o?["type"]?.GetValue<string>()).Distinct() ?? [];
        return Outcome.Allow($"received {record["size"]} bytes (sha-256 {sha[..Math.Min(16, sha.Length)]}…), signed by {record["provider"]}, " +
            $"stored encrypted to {party.Id}; duties: {string.Join(", ", duties)}; transfer {transferId} COMPLETED");
    }
}
