using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DataSpace.Cli.Demo;
using DataSpace.Cli.Demo.Actions;
using DataSpace.Cli.Demo.Scenarios;
using DataSpace.Cli.Demo.Space;
using DataSpace.Cli.Hosting;
using DataSpace.EndToEnd.Tests.Support;
using DataSpace.Ledger.Entries;
using DataSpace.Testing;

namespace DataSpace.EndToEnd.Tests.Transfers;

/// <summary>
/// A space of real processes for the crash tests, set up once by the demo's own code: the broker and
/// two connectors (the samples' steel maker and parts maker) each a <c>dataspace broker|connector
/// --config FILE</c> process, the ledger and every store in Azurite; the steel maker registers a
/// <see cref="AssetSize"/> file under the production-statistics label and offers it, and the parts
/// maker agrees to fetch it. The tests then cut transfers of it by killing a connector.
/// </summary>
public sealed class CrashSpace : IAsyncLifetime
{
    /// <summary>100 MiB: seconds of streaming, so the kill (after the first 4 MiB block) lands in the middle of it.</summary>
    public const long AssetSize = 100L << 20;

    private const string Negotiated = "stats";

    private readonly Scratch _scratch = new();
    private DemoWorkspace _workspace = null!;
    private StorageMode _storage = null!;
    private Story? _story;
    private int _audits;

    internal LargeFile Asset { get; private set; } = null!;

    internal string AgreementId { get; private set; } = "";

    internal DemoParty Provider => Story.Running.Party("steel");

    internal DemoParty Consumer => Story.Running.Party("parts");

    private Story Story => _story ?? throw new InvalidOperationException("the space did not start");

    /// <summary>The blob key of a transfer's content in the consumer's received-data store.</summary>
    internal string BlobKey(string transferId) => $"{Provider.Id}/{transferId}";

    /// <summary>The consumer connector's container of received data in Azurite.</summary>
    internal BlobContainerClient Received => new(Azurite.ConnectionString, _storage.ConnectorContainer(Consumer.Id, "Received"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Asset = LargeFile.Write(_scratch.File("production-statistics.bin"), AssetSize);
        var scenario = ScenarioLoader.Load(WriteScenario());
        _workspace = DemoWorkspace.Create(_scratch.File("space"));
        var log = new ServiceLog(_workspace.ServiceLog);
        _storage = StorageMode.Azurite(Azurite.ConnectionString);
        _story = new Story(scenario, _workspace, _storage, Path.Combine(RepositoryPaths.RepositoryRoot, "policies"), log, new ProcessLauncher(log, DataspaceProgram.Current));

        // The demo's setup steps, then the negotiation: each row must have the outcome the scenario states.
        foreach (var action in DemoRunner.Setup(scenario).Concat(scenario.Steps.Take(1)).SelectMany(s => s.Actions))
        {
            var row = await DemoRunner.Pending(Story, action, Ct).RunAsync();
            Assert.True(row.Mismatch is null, $"{row.Who}: {row.What}: {row.Outcome.Reason} ({row.Mismatch}); services' log: {_workspace.ServiceLog}");
        }
        AgreementId = Story.Agreements[Negotiated].AgreementId;
    }

    public async ValueTask DisposeAsync()
    {
        if (_story is not null)
        {
            await _story.DisposeAsync();
        }
        _scratch.Dispose();
    }

    /// <summary>The connector's process, to kill and restart.</summary>
    internal static ChildProcessService Process(DemoParty party) => (ChildProcessService)party.Connector;

    /// <summary>The consumer's application asks its connector for the asset (local API <c>POST /received</c>) under a transfer id of its choice.</summary>
    internal Task<HttpResponseMessage> ReceiveAsync(string transferId) =>
        Consumer.Local.PostAsJsonAsync("received", new JsonObject { ["agreementId"] = AgreementId, ["transferId"] = transferId }, Ct);

    /// <summary>
    /// Starts the transfer, and kills <paramref name="victim"/>'s connector process (SIGKILL) once the
    /// content is streaming; returns the consumer application's answer, still to come.
    /// </summary>
    internal async Task<Task<HttpResponseMessage>> KillMidStreamAsync(string transferId, DemoParty victim)
    {
        var receiving = ReceiveAsync(transferId);
        await WaitUntilStreamingAsync(transferId, receiving);
        Process(victim).Kill();
        return receiving;
    }

    /// <summary>
    /// Returns once the content is streaming into the consumer's store: the first 4 MiB block of the
    /// transfer is staged (uncommitted) in Azurite. Fails if the transfer ends before.
    /// </summary>
    private async Task WaitUntilStreamingAsync(string transferId, Task<HttpResponseMessage> receiving)
    {
        var blob = Received.GetBlockBlobClient(BlobKey(transferId));
        while (true)
        {
            Assert.False(receiving.IsCompleted, $"transfer {transferId} ended before any of its content was staged: {(receiving.IsCompletedSuccessfully ? receiving.Result.StatusCode : receiving.Exception?.Message)}");
            try
            {
                var blocks = await blob.GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: Ct);
                if (blocks.Value.UncommittedBlocks.Any())
                {
                    return;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Nothing staged yet (or the container is not created yet).
            }
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>The names of the blobs readable in the consumer's received-data container (committed ones).</summary>
    internal async Task<IReadOnlyList<string>> CommittedBlobsAsync() =>
        await Received.GetBlobsAsync(new GetBlobsOptions(), Ct).Select(b => b.Name).ToListAsync(Ct);

    /// <summary>The names of every blob of the container, uncommitted ones (staged blocks only) too.</summary>
    internal async Task<IReadOnlyList<string>> AllBlobsAsync() =>
        await Received.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Uncommitted }, Ct).Select(b => b.Name).ToListAsync(Ct);

    /// <summary>The transfer ids the consumer's connector lists as received (local API <c>GET /received</c>).</summary>
    internal async Task<IReadOnlyList<string>> ListedAsync()
    {
        var list = await Consumer.Local.GetFromJsonAsync<JsonArray>("received", Ct);
        return [.. list!.Select(r => r!["transferId"]!.GetValue<string>())];
    }

    /// <summary>Files the consumer's connector keeps on disk for transfers under way (its journal) and any temporary file.</summary>
    internal IReadOnlyList<string> ConsumerLeftovers()
    {
        var data = _workspace.Participant(Consumer.Id);
        var journal = Path.Combine(data, "transfers", "receiving");
        var temporary = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal) || f.Contains(".tmp.", StringComparison.Ordinal));
        return [.. (Directory.Exists(journal) ? Directory.EnumerateFiles(journal) : []).Concat(temporary).Select(f => Path.GetRelativePath(data, f))];
    }

    /// <summary>The ledger's entries about a transfer, in order (broker <c>GET /ledger/entries</c>, public).</summary>
    internal async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string transferId)
    {
        var page = await Story.Running.Operator.GetFromJsonAsync<JsonObject>("ledger/entries?start=0", Ct);
        return [.. page!["entries"]!.AsArray()
            .Select(e => LedgerEntry.TryRead(e!["entry"], out var entry).IsAccepted ? entry! : throw new InvalidDataException($"entry {e["index"]} does not read"))
            .Where(e => e.Body.TryGetProperty("transferId", out var id) && id.GetString() == transferId)];
    }

    /// <summary>
    /// The auditor's view of the live ledger: the broker signs a checkpoint of the whole log, its Azure
    /// blobs are copied into a ledger directory as the demo does, and <c>dataspace audit</c> runs on it
    /// as a child process. The space keeps running.
    /// </summary>
    internal async Task<ChildResult> AuditAsync()
    {
        using (var checkpoint = await Story.Running.Operator.GetAsync("ledger/checkpoint", Ct))
        {
            checkpoint.EnsureSuccessStatusCode();
        }
        var copy = _scratch.File($"ledger-{Interlocked.Increment(ref _audits)}");
        await AzuriteLedgerExport.ExportAsync(Azurite.ConnectionString, _storage.LedgerContainer, Path.Combine(_workspace.Broker, "broker.key.json"), copy, Ct);
        await using var audit = ChildProcess.Dataspace(_scratch, "audit", copy);
        return await audit.WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// The demo's sample participants, label and offer, with the large file as the asset; the parts
    /// maker negotiates for it (the scenario loader asks for a final audit, which these tests run on
    /// copies of the live ledger instead, after each crash).
    /// </summary>
    private string WriteScenario()
    {
        string Sample(string path) => Path.Combine(RepositoryPaths.RepositoryRoot, "samples", path);
        var scenario = new JsonObject
        {
            ["title"] = "A large transfer, cut by a crash",
            ["participants"] = new JsonObject
            {
                ["steel"] = Sample("participants/huadong-special-steel.json"),
                ["parts"] = Sample("participants/ningbo-precision-auto-parts.json"),
            },
            ["assets"] = new JsonArray(new JsonObject
            {
                ["owner"] = "steel",
                ["id"] = "PRD-0001",
                ["file"] = Asset.Path,
                ["label"] = Sample("labels/production-statistics.label.json"),
            }),
            ["offers"] = new JsonObject { ["production-stats"] = new JsonObject { ["owner"] = "steel", ["file"] = Sample("offers/production-statistics.offer.json") } },
            ["steps"] = new JsonArray(
                new JsonObject
                {
                    ["title"] = "The parts maker agrees to fetch the statistics",
                    ["actions"] = new JsonArray(new JsonObject
                    {
                        ["who"] = "parts", ["do"] = "negotiate", ["offer"] = "production-stats", ["purpose"] = "supply-planning",
                        ["terms"] = new JsonObject { ["validUntil"] = "now+30d" }, ["as"] = Negotiated, ["expect"] = "allow",
                    }),
                },
                new JsonObject { ["title"] = "An auditor replays the ledger", ["actions"] = new JsonArray(new JsonObject { ["do"] = "audit", ["expect"] = "allow" }) }),
        };
        var path = _scratch.File("scenario.json");
        File.WriteAllText(path, scenario.ToJsonString());
        return path;
    }
}
