using System.Net.Http.Json;
using System.Text.Json;
using DataSpace.Broker.Identity;

namespace DataSpace.Broker.Tests.Identity;

public sealed class SigningKeyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"dataspace-key-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<string> KidAsync(TokenServiceTestHost host)
    {
        var jwks = await host.Client.GetFromJsonAsync<JsonElement>("/jwks", TestContext.Current.CancellationToken);
        return jwks.GetProperty("keys")[0].GetProperty("kid").GetString()!;
    }

    [Fact]
    public async Task Restart_SameDirectory_KeepsTheSameKey()
    {
        string first;
        await using (var host = await TokenServiceTestHost.StartAsync(keyDirectory: _directory))
        {
            first = await KidAsync(host);
        }
        await using var restarted = await TokenServiceTestHost.StartAsync(keyDirectory: _directory);

        Assert.Equal(first, await KidAsync(restarted));
    }

    [Fact]
    public async Task FirstStart_WritesAPrivateJwkReadableOnlyByItsOwner()
    {
        await using var host = await TokenServiceTestHost.StartAsync(keyDirectory: _directory);

        var path = Path.Combine(_directory, SigningKeyFile.FileName);
        using var jwk = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(await KidAsync(host), jwk.RootElement.GetProperty("kid").GetString());
        Assert.True(jwk.RootElement.TryGetProperty("d", out _));
        Assert.Single(Directory.GetFiles(_directory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task OtherDirectory_GetsAnotherKey()
    {
        await using var one = await TokenServiceTestHost.StartAsync();
        await using var two = await TokenServiceTestHost.StartAsync();

        Assert.NotEqual(await KidAsync(one), await KidAsync(two));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"kty":"RSA"}""")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA","d":"AAAA"}""")]
    public async Task DamagedKeyFile_StopsTheStartAndIsKept(string content)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, SigningKeyFile.FileName);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TokenServiceTestHost.StartAsync(keyDirectory: _directory));

        Assert.Contains("cannot be used", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void MissingKeyDirectory_FailsOptionsValidationWithEveryProblem()
    {
        var result = new TokenServiceOptionsValidator().Validate(null, new TokenServiceOptions { Issuer = "https://broker.example/", RateLimitPermits = 0 });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
    }
}
