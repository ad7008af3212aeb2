using System.CommandLine;
using DataSpace.Cli.Hosting;
using DataSpace.Crypto.Keys;

namespace DataSpace.Cli.Keys;

/// <summary>The options every command that uses a participant key file shares, and loading the file.</summary>
internal static class KeyOptions
{
    public static Option<string> KeyFile(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string?> PassphraseFile() => new("--passphrase-file")
    {
        Description = "A file whose first line is the key file's passphrase (for protected key files).",
    };

    /// <summary>Loads a key file, turning each way it can fail into one clear CLI error.</summary>
    public static ParticipantKeys Load(string path, string? passphraseFile)
    {
        var content = CliFiles.ReadAllBytes(path);
        try
        {
            return Crypto.Keys.KeyFile.Parse(content, passphraseFile is null ? null : () => CliFiles.ReadPassphrase(passphraseFile));
        }
        catch (KeyFileException e) when (e.Error == KeyFileError.PassphraseRequired)
        {
            throw CliException.Input($"{path} is passphrase-protected.", "add --passphrase-file FILE.", e);
        }
        catch (KeyFileException e)
        {
            throw CliException.Input($"{path}: {e.Message}", inner: e);
        }
    }
}
