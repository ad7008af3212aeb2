using System.Net;
using System.Security.Cryptography;
using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// The consumer's application reads received data for a declared purpose (connector
/// <c>GET /received/{transferId}/content?purpose=…</c>): the usage policy decides (purpose, count,
/// expiry, delete-after), the use is logged and counted, then the plaintext streams; refused with
/// the policy's reasons (403), or gone once deleted (410).
/// </summary>
internal sealed class UseAction(string who, string transfer, string purpose, Expectation expected) : DemoAction(who, expected)
{
    public override string Describe(Story story) => $"read {transfer} for {purpose}";

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        if (!story.Transfers.TryGetValue(transfer, out var received))
        {
            return Outcome.Error($"there is no received data {transfer}: its transfer did not complete");
        }
        var party = story.Running.Party(Who!);
        using var response = await party.Local.GetAsync(
            $"received/{Uri.EscapeDataString(received.TransferId)}/content?purpose={Uri.EscapeDataString(purpose)}",
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (await ApiAnswer.ReadAsync(response, cancellationToken)).Refusal();
        }
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var digest = $"sha-256=:{Convert.ToBase64String(SHA256.HashData(content))}:";
        if (!response.Headers.TryGetValues("Repr-Digest", out var declared) || !declared.Contains(digest))
        {
            return Outcome.Error($"released {content.Length} bytes whose SHA-256 is not the Repr-Digest the connector declared");
        }
        var view = await ApiAnswer.SendAsync(party.Local, HttpMethod.Get, $"received/{Uri.EscapeDataString(received.TransferId)}", null, cancellationToken);
        return Outcome.Allow($"released {content.Length} bytes, digest verified; use {view.Json?["uses"]} of this copy, logged{Notified(view)}");
    }

    private static string Notified(ApiAnswer view) =>
        view.Json?["obligations"]?.AsArray().Any(o => o?["type"]?.GetValue<string>() == "notify_provider") == true ? " and notified to the provider" : "";
}
