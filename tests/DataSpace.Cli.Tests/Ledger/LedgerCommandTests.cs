using System.Text.Json;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Ledger;

public sealed class LedgerCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    private string Ledger => _dir.File("ledger");

    private string LogKey => File.ReadAllText(Path.Combine(Ledger, "log.vkey")).Trim();

    public async ValueTask InitializeAsync() =>
        (await CliRun.RunAsync("ledger", "generate", "--entries", "60", "--parties", "4", "--out", Ledger, "--checkpoint-every", "20", "--seed", "3")).Succeeded();

    [Fact]
    public async Task Generate_SameSeed_SameLedgerAndSummary()
    {
        var run = (await CliRun.RunAsync("ledger", "generate", "-n", "60", "-p", "4", "-o", _dir.File("again"), "-k", "20", "--seed", "3")).Succeeded();

        Assert.Contains("wrote 60 entries, 5 participants and 3 checkpoints", run.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Ledger, "leaves", "00000000000000000000.seg")), File.ReadAllBytes(Path.Combine(_dir.File("again"), "leaves", "00000000000000000000.seg")));
    }

    [Theory]
    [InlineData("3", "4")]
    [InlineData("60", "1")]
    public async Task Generate_TooFewEntriesOrParties_InputError(string entries, string parties)
    {
        var run = await CliRun.RunAsync("ledger", "generate", "-n", entries, "-p", parties, "-o", _dir.File("small"));

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("hint:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_IntoExistingLedger_OutputError()
    {
        var run = await CliRun.RunAsync("ledger", "generate", "-n", "10", "-p", "2", "-o", Ledger);

        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
    }

    [Fact]
    public async Task Audit_GeneratedLedger_VerifiesWithSummary()
    {
        var run = (await CliRun.RunAsync("audit", Ledger)).Succeeded();

        Assert.Contains("entries     60", run.Out, StringComparison.Ordinal);
        Assert.Contains("parties     5", run.Out, StringComparison.Ordinal);
        Assert.Contains("checkpoints 3", run.Out, StringComparison.Ordinal);
        Assert.Contains("violations  0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Json_MachineReadable()
    {
        var run = (await CliRun.RunAsync("audit", Ledger, "--json", "--log-key", LogKey)).Succeeded();

        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(60, json.GetProperty("entries").GetInt32());
        Assert.Equal(0, json.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public async Task Audit_TamperedEntry_ExitOneWithIndex()
    {
        var segment = Path.Combine(Ledger, "leaves", "00000000000000000000.seg");
        var bytes = await File.ReadAllBytesAsync(segment, TestContext.Current.CancellationToken);
        bytes[^10] ^= 1;
        await File.WriteAllBytesAsync(segment, bytes, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("audit", Ledger, "--json");

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        var violations = JsonDocument.Parse(run.Out).RootElement.GetProperty("violations");
        Assert.Contains(violations.EnumerateArray(), v => v.GetProperty("index").ValueKind == JsonValueKind.Number && v.GetProperty("index").GetInt32() == 59);
        Assert.Contains("does not verify", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_MissingDirectory_InputError()
    {
        var run = await CliRun.RunAsync("audit", _dir.File("nothing"));

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("no ledger directory", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_MalformedLogKey_InputError() =>
        Assert.Equal(ExitCodes.InputError, (await CliRun.RunAsync("audit", Ledger, "--log-key", "not-a-key")).ExitCode);

    [Fact]
    public async Task ProveThenCheckProof_Verifies()
    {
        var proof = (await CliRun.RunAsync("ledger", "prove", "--ledger", Ledger, "--index", "25", "--size", "40")).Succeeded();
        await File.WriteAllTextAsync(_dir.File("receipt"), proof.Out, TestContext.Current.CancellationToken);

        var check = (await CliRun.RunAsync("ledger", "check-proof", "--receipt", _dir.File("receipt"), "--log-key", LogKey)).Succeeded();

        Assert.StartsWith("c2sp.org/tlog-proof@v1\n", proof.Out, StringComparison.Ordinal);
        Assert.Contains("verified: entry 25", check.Out, StringComparison.Ordinal);
        Assert.Contains("checkpoint size 40", check.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25", "30")]
    [InlineData("99", null)]
    public async Task Prove_NoSuchCheckpointOrEntry_InputError(string index, string? size)
    {
        string[] args = size is null ? ["ledger", "prove", "-l", Ledger, "-i", index] : ["ledger", "prove", "-l", Ledger, "-i", index, "-s", size];

        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("no receipt:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prove_MissingLedger_InputError() =>
        Assert.Equal(ExitCodes.InputError, (await CliRun.RunAsync("ledger", "prove", "-l", _dir.File("nothing"), "-i", "1")).ExitCode);

    [Fact]
    public async Task CheckProof_WrongLogKey_VerificationFailed()
    {
        var proof = (await CliRun.RunAsync("ledger", "prove", "-l", Ledger, "-i", "5")).Succeeded();
        await File.WriteAllTextAsync(_dir.File("receipt"), proof.Out, TestContext.Current.CancellationToken);
        var other = JsonDocument.Parse((await CliRun.RunAsync("keys", "new", "--id", "88.608.8889", "--out", _dir.File("k.json"))).Succeeded().Out)
            .RootElement.GetProperty("verifierKey").GetString()!;

        var run = await CliRun.RunAsync("ledger", "check-proof", "-r", _dir.File("receipt"), "--log-key", other);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains("not verified", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckProof_MalformedReceipt_InputError()
    {
        await File.WriteAllTextAsync(_dir.File("receipt"), "c2sp.org/tlog-proof@v1\nindex x\n\n", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("ledger", "check-proof", "-r", _dir.File("receipt"), "--log-key", LogKey);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("malformed receipt", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckProof_MissingReceipt_InputError() =>
        Assert.Equal(ExitCodes.InputError, (await CliRun.RunAsync("ledger", "check-proof", "-r", _dir.File("none"), "--log-key", LogKey)).ExitCode);

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
