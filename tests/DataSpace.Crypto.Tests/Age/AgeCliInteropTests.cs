using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// Interoperability with the reference implementation, both ways: files we write open with
/// <c>age -d</c>, files <c>age</c> writes open with ours, for X25519 and passphrases, binary and armored.
/// </summary>
public sealed class AgeCliInteropTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("age-interop-");

    // A little over three STREAM chunks, so chunk boundaries and the short final chunk are crossed.
    private readonly byte[] _plaintext = AgeTestFiles.Plaintext((3 * 64 * 1024) + 1234, seed: 7);

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OurX25519File_DecryptsWithAgeCli(bool armor)
    {
        using var identity = X25519Identity.Generate();
        var keyFile = Write("key.txt", System.Text.Encoding.ASCII.GetBytes(identity.ToSecretString() + "\n"));
        var encrypted = Write("file.age", await AgeTestFiles.EncryptAsync(_plaintext, [identity.Recipient], armor));

        await AgeCli.RunAsync("age", "-d", "-i", keyFile, "-o", PathOf("out"), encrypted);

        Assert.Equal(_plaintext, File.ReadAllBytes(PathOf("out")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AgeCliX25519File_DecryptsWithOurs(bool armor)
    {
        var keyFile = PathOf("key.txt");
        await AgeCli.RunAsync("age-keygen", "-o", keyFile);
        var secret = File.ReadAllLines(keyFile).Single(line => line.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal));
        using var identity = X25519Identity.Parse(secret);
        var recipient = (await AgeCli.RunAsync("age-keygen", "-y", keyFile)).Trim();
        Assert.Equal(recipient, identity.Recipient.ToString());
        var input = Write("plain", _plaintext);

        await AgeCli.RunAsync("age", [.. Armor(armor), "-r", recipient, "-o", PathOf("file.age"), input]);

        Assert.Equal(_plaintext, await AgeTestFiles.DecryptAsync(File.ReadAllBytes(PathOf("file.age")), identity));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OurPassphraseFile_DecryptsWithAgeCli(bool armor)
    {
        var file = await AgeTestFiles.EncryptAsync(_plaintext, [new ScryptRecipient(Passphrase, workFactor: 14)], armor);
        var encrypted = Write("file.age", file);

        await AgeCli.RunInTerminalAsync($"-d -o {AgeCli.Quote(PathOf("out"))} {AgeCli.Quote(encrypted)}", Passphrase + "\n");

        Assert.Equal(_plaintext, File.ReadAllBytes(PathOf("out")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AgeCliPassphraseFile_DecryptsWithOurs(bool armor)
    {
        var input = Write("plain", _plaintext);

        // age asks for the passphrase and then its confirmation; it uses work factor 18.
        await AgeCli.RunInTerminalAsync($"-p {(armor ? "-a " : "")}-o {AgeCli.Quote(PathOf("file.age"))} {AgeCli.Quote(input)}", $"{Passphrase}\n{Passphrase}\n");

        var file = File.ReadAllBytes(PathOf("file.age"));
        Assert.Equal(armor, file.AsSpan().StartsWith("-----BEGIN AGE ENCRYPTED FILE-----"u8));
        Assert.Equal(_plaintext, await AgeTestFiles.DecryptAsync(file, new ScryptIdentity(Passphrase)));
    }

    [Fact]
    public async Task AgeCliFileToTwoRecipients_DecryptsWithEither()
    {
        using var alice = X25519Identity.Generate();
        using var bob = X25519Identity.Generate();
        var input = Write("plain", []);

        await AgeCli.RunAsync("age", "-r", alice.Recipient.ToString(), "-r", bob.Recipient.ToString(), "-o", PathOf("file.age"), input);

        var file = File.ReadAllBytes(PathOf("file.age"));
        Assert.Empty(await AgeTestFiles.DecryptAsync(file, alice));
        Assert.Empty(await AgeTestFiles.DecryptAsync(file, bob));
    }

    private static string[] Armor(bool armor) => armor ? ["-a"] : [];

    private string PathOf(string name) => Path.Combine(_directory.FullName, name);

    private string Write(string name, byte[] content)
    {
        File.WriteAllBytes(PathOf(name), content);
        return PathOf(name);
    }
}
