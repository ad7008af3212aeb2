using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests;

public sealed class SealOpenCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private string _providerVerifierKey = "";
    private string _consumerRecipient = "";
    private byte[] _plaintext = [];

    public async ValueTask InitializeAsync()
    {
        _providerVerifierKey = await NewKey("88.608.8889", "provider.json", "verifierKey");
        _consumerRecipient = await NewKey("88.123.4567", "consumer.json", "ageRecipient");
        await NewKey("88.999.0001", "stranger.json", "ageRecipient");
        _plaintext = RandomNumberGenerator.GetBytes(200_000); // four STREAM chunks
        await File.WriteAllBytesAsync(_dir.File("data.bin"), _plaintext);
    }

    private async Task<string> NewKey(string id, string file, string field)
    {
        var run = (await CliRun.RunAsync("keys", "new", "--id", id, "--out", _dir.File(file))).Succeeded();
        return JsonDocument.Parse(run.Out).RootElement.GetProperty(field).GetString()!;
    }

    private Task<CliRun> Seal(params string[] extra) =>
        CliRun.RunAsync(["seal", "--to", _consumerRecipient, "--sign", _dir.File("provider.json"), "-i", _dir.File("data.bin"), "-o", _dir.File("data.age"), .. extra]);

    private Task<CliRun> Open(string key = "consumer.json", string signer = "") =>
        CliRun.RunAsync("open", "--key", _dir.File(key), "-i", _dir.File("data.age"), "-o", _dir.File("out.bin"),
            "--verify", _dir.File("data.age.sig.json"), "--signer", signer.Length > 0 ? signer : _providerVerifierKey);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SealThenOpen_WithManifest_RestoresThePlaintext(bool armor)
    {
        (await Seal(armor ? ["--armor"] : [])).Succeeded();
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(_dir.File("data.age.sig.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_plaintext)), (string)manifest["plaintext"]!["sha256"]!);
        Assert.Equal(armor, (bool)manifest["ciphertext"]!["armored"]!);

        (await Open()).Succeeded();

        Assert.Equal(_plaintext, await File.ReadAllBytesAsync(_dir.File("out.bin"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Open_TamperedCiphertext_FailsAndLeavesNothing()
    {
        (await Seal()).Succeeded();
        var bytes = await File.ReadAllBytesAsync(_dir.File("data.age"), TestContext.Current.CancellationToken);
        bytes[^1000] ^= 0x01;
        await File.WriteAllBytesAsync(_dir.File("data.age"), bytes, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("open", "--key", _dir.File("consumer.json"), "-i", _dir.File("data.age"), "-o", _dir.File("out.bin"));

        Assert.Equal(ExitCodes.DecryptionFailed, run.ExitCode);
        AssertNoOutput();
    }

    [Fact]
    public async Task Open_TruncatedCiphertext_FailsAndLeavesNothing()
    {
        (await Seal()).Succeeded();
        var bytes = await File.ReadAllBytesAsync(_dir.File("data.age"), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(_dir.File("data.age"), bytes[..(65_536 + 500)], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.DecryptionFailed, (await Open()).ExitCode);
        AssertNoOutput();
    }

    [Fact]
    public async Task Open_WrongKey_FailsWithNoMatchHint()
    {
        (await Seal()).Succeeded();
        var run = await Open(key: "stranger.json");
        Assert.Equal(ExitCodes.DecryptionFailed, run.ExitCode);
        Assert.Contains("not encrypted to this key file", run.Error, StringComparison.Ordinal);
        AssertNoOutput();
    }

    [Fact]
    public async Task Open_ManifestSignedByAnotherKey_IsRefusedBeforeDecrypting()
    {
        (await Seal()).Succeeded();
        var stranger = JsonDocument.Parse((await CliRun.RunAsync("keys", "show", _dir.File("stranger.json"))).Out).RootElement.GetProperty("verifierKey").GetString()!;
        Assert.Equal(ExitCodes.VerificationFailed, (await Open(signer: stranger)).ExitCode);
        AssertNoOutput();
    }

    [Fact]
    public async Task Open_ForgedManifestDigest_IsRefused()
    {
        (await Seal()).Succeeded();
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(_dir.File("data.age.sig.json"), TestContext.Current.CancellationToken))!;
        manifest["plaintext"]!["sha256"] = new string('0', 64);
        await File.WriteAllTextAsync(_dir.File("data.age.sig.json"), manifest.ToJsonString(), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.VerificationFailed, (await Open()).ExitCode);
        AssertNoOutput();
    }

    [Fact]
    public async Task Open_CiphertextSwappedForAnotherSealedFile_IsRefusedByTheManifest()
    {
        (await Seal()).Succeeded();
        File.Move(_dir.File("data.age.sig.json"), _dir.File("first.sig.json"));
        await File.WriteAllBytesAsync(_dir.File("data.bin"), "other content"u8.ToArray(), TestContext.Current.CancellationToken);
        (await Seal()).Succeeded();
        File.Move(_dir.File("first.sig.json"), _dir.File("data.age.sig.json"), overwrite: true);

        var run = await Open();

        Assert.Equal(ExitCodes.VerificationFailed, run.ExitCode);
        Assert.Contains("does not match its manifest", run.Error, StringComparison.Ordinal);
        AssertNoOutput();
    }

    [Fact]
    public async Task Open_VerifyWithoutSigner_IsAnInputError()
    {
        (await Seal()).Succeeded();
        var run = await CliRun.RunAsync("open", "--key", _dir.File("consumer.json"), "-i", _dir.File("data.age"), "-o", _dir.File("out.bin"), "--verify", _dir.File("data.age.sig.json"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        AssertNoOutput();
    }

    [Fact]
    public async Task Open_AgeToolOutput_Decrypts()
    {
        await File.WriteAllTextAsync(_dir.File("consumer.agekey"), (await CliRun.RunAsync("keys", "age-identity", _dir.File("consumer.json"))).Succeeded().Out, TestContext.Current.CancellationToken);
        var (code, error) = await ExternalTool.RunAsync("age", "-r", _consumerRecipient, "-a", "-o", _dir.File("data.age"), _dir.File("data.bin"));
        Assert.True(code == 0, error);

        (await CliRun.RunAsync("open", "--key", _dir.File("consumer.json"), "-i", _dir.File("data.age"), "-o", _dir.File("out.bin"))).Succeeded();

        Assert.Equal(_plaintext, await File.ReadAllBytesAsync(_dir.File("out.bin"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Seal_BadRecipient_IsAnInputErrorAndWritesNothing()
    {
        var run = await CliRun.RunAsync("seal", "--to", "age1notakey", "-i", _dir.File("data.bin"), "-o", _dir.File("data.age"));
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.False(File.Exists(_dir.File("data.age")));
    }

    [Fact]
    public async Task Seal_ToPostQuantumRecipient_DecryptsWithItsIdentity()
    {
        using var hybrid = DataSpace.Crypto.Age.HybridIdentity.Generate();
        (await CliRun.RunAsync("seal", "--to", hybrid.Recipient.ToString(), "-i", _dir.File("data.bin"), "-o", _dir.File("pq.age"))).Succeeded();

        await using var input = File.OpenRead(_dir.File("pq.age"));
        using var output = new MemoryStream();
        await DataSpace.Crypto.Age.AgeDecryptor.DecryptAsync(input, output, [hybrid], TestContext.Current.CancellationToken);

        Assert.Equal(_plaintext, output.ToArray());
    }

    [Fact]
    public async Task Seal_PostQuantumMixedWithClassic_IsRefusedAndWritesNothing()
    {
        using var hybrid = DataSpace.Crypto.Age.HybridIdentity.Generate();
        var run = await CliRun.RunAsync("seal", "--to", hybrid.Recipient.ToString(), "--to", _consumerRecipient, "-i", _dir.File("data.bin"), "-o", _dir.File("pq.age"));

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.DoesNotContain(_dir.Names(), name => name.Contains("pq.age", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var run = await CliRun.RunAsync("seal", "--bogus");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("hint:", run.Error, StringComparison.Ordinal);
    }

    private void AssertNoOutput() =>
        Assert.DoesNotContain(_dir.Names(), name => name.Contains("out.bin", StringComparison.Ordinal));

    public ValueTask DisposeAsync()
    {
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
