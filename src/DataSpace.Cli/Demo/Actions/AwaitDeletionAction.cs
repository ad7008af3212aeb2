using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// Waits for the consumer connector's delete-after job (it sweeps every second in the demo) to
/// delete received data whose deadline came, and to record data.deleted in the ledger
/// (connector <c>GET /received/{transferId}</c> until it shows the deletion's ledger index).
/// </summary>
internal sealed class AwaitDeletionAction(string who, string transfer, TimeSpan within, Expectation expected) : DemoAction(who, expected)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public override string Describe(Story story) => $"wait for the delete-after duty on {transfer} (at most {within.TotalSeconds:0} s)";

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        if (!story.Transfers.TryGetValue(transfer, out var received))
        {
            return Outcome.Error($"there is no received data {transfer}: its transfer did not complete");
        }
        var party = story.Running.Party(Who!);
        var until = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var answer = await ApiAnswer.SendAsync(party.Local, HttpMethod.Get, $"received/{Uri.EscapeDataString(received.TransferId)}", null, cancellationToken);
            if (!answer.IsSuccess)
            {
                return answer.Refusal();
            }
            if (answer.Json?["deletionIndex"] is { } index)
            {
                return Outcome.Allow($"deleted at {answer.Json["deletedAt"]} by the delete-after job; data.deleted, signed by {party.Id}, at ledger index {index}");
            }
            if (DateTimeOffset.UtcNow >= until)
            {
                var state = answer.Json?["deletedAt"] is { } at ? $"deleted at {at} but not yet recorded in the ledger" : "still kept";
                return Outcome.Deny($"after {within.TotalSeconds:0} s the data is {state}");
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
