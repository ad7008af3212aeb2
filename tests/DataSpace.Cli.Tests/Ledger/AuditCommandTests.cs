using System.Text;
using System.Text.Json;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Ledger;

/// <summary>
/// <c>dataspace audit</c> end to end over a real space ledger: the space's invariants and the
/// re-evaluation of every recorded decision, and what the report says when either is broken.
/// </summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Ledger => _dir.File("ledger");

    [Fact]
    public async Task Audit_HonestSpaceLedger_VerifiesEveryDecision()
    {
        await SpaceLedger.WriteAsync(Ledger);

        var run = (await CliRun.RunAsync("audit", Ledger)).Succeeded();

        Assert.Contains("entries     8", run.Out, StringComparison.Ordinal);
        Assert.Contains($"operator    {SpaceLedger.OperatorId}", run.Out, StringComparison.Ordinal);
        Assert.Contains("decisions   3 re-evaluated under 1 recorded policy bundle(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("violations  0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_HonestSpaceLedger_Json()
    {
        await SpaceLedger.WriteAsync(Ledger);

        var json = JsonDocument.Parse((await CliRun.RunAsync("audit", Ledger, "--json")).Succeeded().Out).RootElement;

        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(SpaceLedger.OperatorId, json.GetProperty("operator").GetString());
        Assert.Equal(3, json.GetProperty("decisionsReplayed").GetInt32());
    }

    [Fact]
    public async Task Audit_ForgedDecision_DecisionReplayViolationAtItsIndex()
    {
        await SpaceLedger.WriteAsync(Ledger, Tamper.ForgedTransferDecision);

        var run = await CliRun.RunAsync("audit", Ledger, "--json");

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        var first = Violations(run).First();
        Assert.Equal(SpaceLedger.TransferStartedIndex, first.GetProperty("index").GetUInt64());
        Assert.Equal("InvariantBroken", first.GetProperty("kind").GetString());
        Assert.Equal("decision-replay", first.GetProperty("rule").GetString());
        Assert.Equal("transfer.started", first.GetProperty("entryType").GetString());
        var reason = first.GetProperty("reason").GetString()!;
        Assert.Contains("does not reproduce", reason, StringComparison.Ordinal);
        Assert.Contains("recorded allowed=true", reason, StringComparison.Ordinal);
        Assert.Contains("allowed=false", reason, StringComparison.Ordinal);
        Assert.Contains("R7 purpose", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_ForgedDecision_SummaryNamesTheRuleAndEntry()
    {
        await SpaceLedger.WriteAsync(Ledger, Tamper.ForgedTransferDecision);

        var run = await CliRun.RunAsync("audit", Ledger);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains($"violation   entry {SpaceLedger.TransferStartedIndex} (transfer.started): InvariantBroken (rule decision-replay): decision (dataspace/transfer/decision under bundle sha256:", run.Out, StringComparison.Ordinal);
        // The completion builds on a start the audit refused, so the space's own rule reports it too.
        Assert.Contains($"violation   entry {SpaceLedger.TransferCompletedIndex} (transfer.completed): InvariantBroken (rule space):", run.Out, StringComparison.Ordinal);
        Assert.Contains("NOT VERIFIED", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_BundleFilesNotMatchingItsDigest_ViolationAtTheFirstDecision()
    {
        await SpaceLedger.WriteAsync(Ledger, Tamper.BundleNotMatchingItsDigest);

        var run = await CliRun.RunAsync("audit", Ledger, "--json");

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        var first = Violations(run).First();
        Assert.Equal(SpaceLedger.AgreementIndex, first.GetProperty("index").GetUInt64());
        Assert.Equal("decision-replay", first.GetProperty("rule").GetString());
        var reason = first.GetProperty("reason").GetString()!;
        Assert.Contains($"(recorded at index {SpaceLedger.BundleIndex}) hash to sha256:", reason, StringComparison.Ordinal);
        Assert.Contains("decisions[0]", reason, StringComparison.Ordinal);
        Assert.Contains("decisions[1]", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_DecisionUnderUnrecordedBundle_ViolationAtItsIndex()
    {
        await SpaceLedger.WriteAsync(Ledger, Tamper.TerminationUnderUnrecordedBundle);

        var run = await CliRun.RunAsync("audit", Ledger, "--json");

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        var violation = Assert.Single(Violations(run));
        Assert.Equal(SpaceLedger.TerminationIndex, violation.GetProperty("index").GetUInt64());
        Assert.Equal("decision-replay", violation.GetProperty("rule").GetString());
        Assert.Contains("no policy.bundle entry before it records bundle sha256:0000", violation.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_OneByteFlippedInALeaf_PinpointsTheEntry()
    {
        var entries = await SpaceLedger.WriteAsync(Ledger);
        var segment = Path.Combine(Ledger, "leaves", "00000000000000000000.seg");
        var bytes = await File.ReadAllBytesAsync(segment, TestContext.Current.CancellationToken);
        var leaf = bytes.AsSpan().IndexOf(entries[(int)SpaceLedger.TransferStartedIndex].Bytes.Span);
        var purpose = entries[(int)SpaceLedger.TransferStartedIndex].Bytes.Span.IndexOf("quality-analysis"u8);
        bytes[leaf + purpose] ^= 1;
        await File.WriteAllBytesAsync(segment, bytes, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("audit", Ledger, "--json");

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        var atEntry = Violations(run).Where(v => v.GetProperty("index").ValueKind == JsonValueKind.Number && v.GetProperty("endIndex").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(SpaceLedger.TransferStartedIndex, atEntry.Min(v => v.GetProperty("index").GetUInt64()));
        Assert.Contains(atEntry, v => v.GetProperty("kind").GetString() == "RecordCorrupt" && v.GetProperty("index").GetUInt64() == SpaceLedger.TransferStartedIndex);
        Assert.Contains(atEntry, v => v.GetProperty("fault").GetString() == "InvalidSignature" && v.GetProperty("index").GetUInt64() == SpaceLedger.TransferStartedIndex);
    }

    [Fact]
    public async Task Audit_OperatorKeyFileNotTheTrustedKey_Violation()
    {
        await SpaceLedger.WriteAsync(Ledger);
        var other = JsonDocument.Parse((await CliRun.RunAsync("keys", "new", "--id", "88.100.2", "--out", _dir.File("other.json"))).Succeeded().Out)
            .RootElement.GetProperty("verifierKey").GetString()!;

        var run = await CliRun.RunAsync("audit", Ledger, "--json", "--operator-key", other);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains(Violations(run), v => v.GetProperty("kind").GetString() == "LedgerMetadata");
    }

    [Fact]
    public async Task Audit_MalformedOperatorKey_InputError()
    {
        await SpaceLedger.WriteAsync(Ledger);

        Assert.Equal(ExitCodes.InputError, (await CliRun.RunAsync("audit", Ledger, "--operator-key", "nope")).ExitCode);
    }

    private static List<JsonElement> Violations(CliRun run) =>
        [.. JsonDocument.Parse(run.Out).RootElement.GetProperty("violations").EnumerateArray()];

    public void Dispose() => _dir.Dispose();
}
