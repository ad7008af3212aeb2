using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests;

public sealed class SignVerifyCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private string _provider = "";
    private string _consumer = "";

    public async ValueTask InitializeAsync()
    {
        _provider = await VerifierKey("88.608.8889", "provider.json");
        _consumer = await VerifierKey("88.123.4567", "consumer.json");
        await File.WriteAllTextAsync(_dir.File("offer.json"), """{"asset": "88.608.8889/PRD-0001", "purposes": ["quality-analysis"], "maxUses": 3}""");
    }

    private async Task<string> VerifierKey(string id, string file) =>
        JsonDocument.Parse((await CliRun.RunAsync("keys", "new", "--id", id, "--out", _dir.File(file))).Succeeded().Out).RootElement.GetProperty("verifierKey").GetString()!;

    [Fact]
    public async Task SignCountersignVerify_BothSigners_Verifies()
    {
        (await CliRun.RunAsync("sign", "--key", _dir.File("provider.json"), "-i", _dir.File("offer.json"), "-o", _dir.File("one.json"))).Succeeded();
        (await CliRun.RunAsync("sign", "--key", _dir.File("consumer.json"), "-i", _dir.File("one.json"), "-o", _dir.File("both.json"))).Succeeded();

        var run = (await CliRun.RunAsync("verify", "-i", _dir.File("both.json"), "--signer", _provider, "--signer", _consumer)).Succeeded();
        Assert.StartsWith("verified:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SignerMissing_Fails()
    {
        (await CliRun.RunAsync("sign", "--key", _dir.File("provider.json"), "-i", _dir.File("offer.json"), "-o", _dir.File("one.json"))).Succeeded();
        var run = await CliRun.RunAsync("verify", "-i", _dir.File("one.json"), "--signer", _provider, "--signer", _consumer);
        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
    }

    [Fact]
    public async Task Verify_AlteredDocument_Fails()
    {
        var signed = JsonNode.Parse((await CliRun.RunAsync("sign", "--key", _dir.File("provider.json"), "-i", _dir.File("offer.json"))).Succeeded().Out)!;
        signed["maxUses"] = 30;
        await File.WriteAllTextAsync(_dir.File("altered.json"), signed.ToJsonString(), TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("verify", "-i", _dir.File("altered.json"), "--signer", _provider);

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains("does not match the content", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"a\": 1, \"a\": 2}")]
    [InlineData("{\"a\": ")]
    public async Task Sign_NotASignableObject_IsAnInputError(string content)
    {
        await File.WriteAllTextAsync(_dir.File("bad.json"), content, TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync("sign", "--key", _dir.File("provider.json"), "-i", _dir.File("bad.json"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Verify_MalformedSignerKey_IsAnInputError()
    {
        var run = await CliRun.RunAsync("verify", "-i", _dir.File("offer.json"), "--signer", "not-a-key");
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
    }

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
