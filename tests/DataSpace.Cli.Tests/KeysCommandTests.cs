using System.Text.Json;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests;

public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task New_ValidId_WritesOwnerOnlyFileAndPrintsIdentityThatShowRepeats()
    {
        var created = (await CliRun.RunAsync("keys", "new", "--id", "88.608.8889", "--out", _dir.File("p.json"))).Succeeded();
        var identity = JsonDocument.Parse(created.Out).RootElement;

        Assert.Equal("88.608.8889", identity.GetProperty("participantId").GetString());
        Assert.StartsWith("88.608.8889+", identity.GetProperty("verifierKey").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("age1", identity.GetProperty("ageRecipient").GetString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("p.json")));
        }
        Assert.Equal(created.Out, (await CliRun.RunAsync("keys", "show", _dir.File("p.json"))).Succeeded().Out);
    }

    [Fact]
    public async Task New_ExistingFile_RefusesAndKeepsIt()
    {
        await File.WriteAllTextAsync(_dir.File("p.json"), "keep me", TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync("keys", "new", "--id", "88.608.8889", "--out", _dir.File("p.json"));
        Assert.Equal(ExitCodes.OutputError, run.ExitCode);
        Assert.Equal("keep me", await File.ReadAllTextAsync(_dir.File("p.json"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("acme")]
    [InlineData("88.608.8889/PRD-1")]
    [InlineData("88 608")]
    public async Task New_InvalidId_IsAnInputError(string id)
    {
        var run = await CliRun.RunAsync("keys", "new", "--id", id, "--out", _dir.File("p.json"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.StartsWith("error: --id:", run.Error, StringComparison.Ordinal);
        Assert.Empty(_dir.Names());
    }

    [Fact]
    public async Task Protected_KeyFile_NeedsTheRightPassphrase()
    {
        await File.WriteAllTextAsync(_dir.File("pass"), "correct horse\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(_dir.File("wrong"), "battery staple\n", TestContext.Current.CancellationToken);
        var created = (await CliRun.RunAsync("keys", "new", "--id", "88.123.4567", "--out", _dir.File("c.json"), "--passphrase-file", _dir.File("pass"))).Succeeded();
        Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", await File.ReadAllTextAsync(_dir.File("c.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var missing = await CliRun.RunAsync("keys", "show", _dir.File("c.json"));
        Assert.Equal(ExitCodes.InputError, missing.ExitCode);
        Assert.Contains("--passphrase-file", missing.Error, StringComparison.Ordinal);

        var wrong = await CliRun.RunAsync("keys", "show", _dir.File("c.json"), "--passphrase-file", _dir.File("wrong"));
        Assert.Equal(ExitCodes.InputError, wrong.ExitCode);
        Assert.Contains("passphrase does not open", wrong.Error, StringComparison.Ordinal);

        Assert.Equal(created.Out, (await CliRun.RunAsync("keys", "show", _dir.File("c.json"), "--passphrase-file", _dir.File("pass"))).Succeeded().Out);
    }

    [Fact]
    public async Task Show_MalformedOrAlteredFile_IsAnInputError()
    {
        await File.WriteAllTextAsync(_dir.File("bad.json"), "{not json", TestContext.Current.CancellationToken);
        Assert.Equal(ExitCodes.InputError, (await CliRun.RunAsync("keys", "show", _dir.File("bad.json"))).ExitCode);

        (await CliRun.RunAsync("keys", "new", "--id", "88.608.8889", "--out", _dir.File("p.json"))).Succeeded();
        var text = await File.ReadAllTextAsync(_dir.File("p.json"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(_dir.File("p.json"), text.Replace("\"participantId\": \"88.608.8889\"", "\"participantId\": \"88.608.8880\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var altered = await CliRun.RunAsync("keys", "show", _dir.File("p.json"));
        Assert.Equal(ExitCodes.InputError, altered.ExitCode);
        Assert.Contains("altered", altered.Error, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.InputError, (await CliRun.RunAsync("keys", "show", _dir.File("missing.json"))).ExitCode);
    }

    [Fact]
    public async Task AgeIdentity_DecryptsWithTheStandardAgeTool()
    {
        var identity = JsonDocument.Parse((await CliRun.RunAsync("keys", "new", "--id", "88.608.8889", "--out", _dir.File("p.json"))).Succeeded().Out).RootElement;
        var lines = (await CliRun.RunAsync("keys", "age-identity", _dir.File("p.json"))).Succeeded().Out;
        await File.WriteAllTextAsync(_dir.File("p.agekey"), lines, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(_dir.File("plain"), "hello, age"u8.ToArray(), TestContext.Current.CancellationToken);

        (await CliRun.RunAsync("seal", "--to", identity.GetProperty("ageRecipient").GetString()!, "-i", _dir.File("plain"), "-o", _dir.File("plain.age"))).Succeeded();
        var (code, error) = await ExternalTool.RunAsync("age", "-d", "-i", _dir.File("p.agekey"), "-o", _dir.File("by-age"), _dir.File("plain.age"));

        Assert.True(code == 0, error);
        Assert.Equal("hello, age", await File.ReadAllTextAsync(_dir.File("by-age"), TestContext.Current.CancellationToken));
    }

    public void Dispose() => _dir.Dispose();
}
