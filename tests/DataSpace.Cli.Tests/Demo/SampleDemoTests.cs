using System.Text.Json;
using System.Text.RegularExpressions;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Demo;

/// <summary>The demo on the repository's samples: every expected allow and deny happens, each shown with its reason, and the kept workspace goes on working.</summary>
[Collection(DemoCollection.Name)]
public sealed partial class SampleDemoTests(SampleDemoRun demo)
{
    private string Out => demo.Run.Out;

    [Fact]
    public void Demo_SampleScenario_EveryExpectedOutcomeHappensAndExitsZero()
    {
        Assert.True(demo.Run.ExitCode == ExitCodes.Success, demo.Run.Out + demo.Run.Error);
        Assert.Matches(@"PASSED: all \d+ expected outcomes happened, and the untampered ledger verifies", Out);
        Assert.DoesNotContain("MISMATCH", Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_SampleScenario_ShowsOneTablePerStepWithTheSpacesReasons()
    {
        // Onboarding and registration.
        Assert.Contains("Step 1. The operator starts the broker and onboards the participants", Out, StringComparison.Ordinal);
        Assert.Matches(@"ALLOW +steel \(88\.608\.3100\): .*sector C31", Out);
        Assert.Contains("participant.registered at ledger index", Out, StringComparison.Ordinal);
        Assert.Contains("offer.published at ledger index", Out, StringComparison.Ordinal);

        // Browsing: the foreign firm does not even see important data.
        Assert.Matches(@"DENY +analytics \(88\.276\.7201\): browse the catalog for process-params\n +not listed: R13 visibility: important data cannot be exported to DE", Out);

        // Negotiation: general data for both, important data for the domestic consumer only, no core data as a copy.
        Assert.Matches(@"ALLOW +parts \(88\.612\.3601\): negotiate process-params .*\n +FINALIZED: agreement agr-[0-9a-f]+ signed by 88\.100\.broker, 88\.608\.3100, 88\.612\.3601", Out);
        Assert.Matches(@"ALLOW +analytics \(88\.276\.7201\): negotiate production-stats .*\n +FINALIZED", Out);
        Assert.Matches(@"DENY +analytics \(88\.276\.7201\): negotiate process-params .*\n +TERMINATED: R4 export: important data may go to DE only", Out);
        Assert.Matches(@"DENY +parts \(88\.612\.3601\): negotiate smelting-recipe .*\n +TERMINATED: R3 core: core data is never released as a raw copy", Out);
        Assert.Matches(@"DENY +analytics \(88\.276\.7201\): negotiate coil-deliveries .*\n +TERMINATED: R5 personal information export", Out);
        // Asked without a use limit, which personal information needs: the provider counter-offers its limit, the consumer accepts.
        Assert.Matches(@"ALLOW +parts \(88\.612\.3601\): negotiate coil-deliveries .*until now\+7d\n +counter-offer maxUses 10 \(asked: none\) accepted; FINALIZED", Out);

        // Transfer and use: purpose bound, count limited, deleted after the deadline.
        Assert.Matches(@"ALLOW +parts \(88\.612\.3601\): fetch the data of agreement parts-params\n +received 846 bytes", Out);
        Assert.Matches(@"DENY +parts \(88\.612\.3601\): read parts-params-copy for marketing\n .*R7 purpose", Out);
        Assert.Matches(@"DENY +parts \(88\.612\.3601\): read parts-params-copy for quality-analysis\n .*R9 count: 2 of 2 permitted uses are spent", Out);
        Assert.Matches(@"ALLOW +parts \(88\.612\.3601\): wait for the delete-after duty .*\n +deleted at .* data\.deleted, signed by 88\.612\.3601, at ledger index \d+", Out);
        Assert.Matches(@"DENY +parts \(88\.612\.3601\): read parts-deliveries-copy .*\n +The data of transfer \S+ was deleted at", Out);

        // The audit, and the tampered copy pinpointed.
        Assert.Matches(@"ALLOW +auditor: dataspace audit .*\n +verified: \d+ entries of 4 participants", Out);
        Assert.Matches(@"DENY +auditor: change ""maxUses"":2 to ""maxUses"":9 in entry (\d+) .*\n +NOT VERIFIED .*the audit names entry \1: entry \1: RecordCorrupt", Out);
    }

    [Fact]
    public async Task Keep_LeavesTheBrokersLedgerInDirLedger_WhichAuditsClean()
    {
        var run = await CliRun.RunAsync("audit", Path.Combine(demo.Workspace, "ledger"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.Out + run.Error);
        Assert.Contains("verified: every entry, record, checkpoint, invariant and decision checks out.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_TheTamperedCopyFailsTheAuditAtTheAlteredAgreement()
    {
        var altered = ulong.Parse(TamperedEntry().Match(Out).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var run = await CliRun.RunAsync("audit", Path.Combine(demo.Workspace, "ledger-tampered"), "--json");

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        var violations = JsonDocument.Parse(run.Out).RootElement.GetProperty("violations").EnumerateArray().ToList();
        var atEntries = violations.Where(v => v.GetProperty("index").ValueKind == JsonValueKind.Number && v.GetProperty("endIndex").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(altered, atEntries.Min(v => v.GetProperty("index").GetUInt64()));
        Assert.Contains(atEntries, v => v.GetProperty("kind").GetString() == "RecordCorrupt" && v.GetProperty("index").GetUInt64() == altered);
        Assert.Contains(atEntries, v => v.GetProperty("fault").GetString() == "InvalidSignature" && v.GetProperty("entryType").GetString() == "contract.agreement" && v.GetProperty("index").GetUInt64() == altered);
    }

    [Fact]
    public void Keep_WorkspaceHoldsKeysTokensAndConfigs()
    {
        Assert.True(File.Exists(Path.Combine(demo.Workspace, "broker.json")));
        Assert.True(File.Exists(Path.Combine(demo.Workspace, "broker", "operator.token")));
        Assert.True(File.Exists(Path.Combine(demo.Workspace, "ledger", "log.vkey")));
        foreach (var id in new[] { "88.608.3100", "88.612.3601", "88.276.7201" })
        {
            Assert.True(File.Exists(Path.Combine(demo.Workspace, id, "key.json")), id);
            Assert.True(File.Exists(Path.Combine(demo.Workspace, id, "api.token")), id);
            Assert.True(File.Exists(Path.Combine(demo.Workspace, id, "connector.json")), id);
        }
        Assert.Contains($"dataspace audit {Path.Combine(demo.Workspace, "ledger")}", Out, StringComparison.Ordinal);
        Assert.Contains($"dataspace broker --config {Path.Combine(demo.Workspace, "broker.json")}", Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_TheBrokerStartsAgainFromItsConfigAndServesTheOnboardedParticipants()
    {
        var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(demo.Workspace, "broker.json"), TestContext.Current.CancellationToken)).RootElement;
        var url = new Uri(config.GetProperty("urls").GetString()!);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();
        var broker = DataSpaceCommandLine.RunAsync(["broker", "--config", Path.Combine(demo.Workspace, "broker.json")], CliConsole.Captured(output, error), stop.Token);
        try
        {
            using var http = new HttpClient { BaseAddress = url };
            var participants = await EventuallyAsync(() => http.GetStringAsync("participants", TestContext.Current.CancellationToken), broker);
            var ids = JsonDocument.Parse(participants).RootElement.EnumerateArray().Select(p => p.GetProperty("participantId").GetString()).ToList();
            Assert.Contains("88.608.3100", ids);
            Assert.Contains("88.612.3601", ids);
            Assert.Contains("88.276.7201", ids);
        }
        finally
        {
            await stop.CancelAsync();
            var code = await broker;
            Assert.True(code == ExitCodes.Success, output.ToString() + error);
        }
    }

    private static async Task<string> EventuallyAsync(Func<Task<string>> call, Task<int> service)
    {
        for (var attempt = 0; ; attempt++)
        {
            Assert.False(service.IsCompleted, "the broker stopped before it answered");
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    [GeneratedRegex(@"change ""maxUses"":2 to ""maxUses"":9 in entry (\d+)")]
    private static partial Regex TamperedEntry();
}
