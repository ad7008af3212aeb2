using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Where the demo's space lives: <c>broker/</c> (key, operator token), <c>ledger/</c> (the broker's
/// file ledger, which <c>dataspace audit</c> reads), one folder per participant (key, local API
/// token, stores, agreements, <c>connector.json</c>), <c>broker.json</c> and <c>services.log</c>. A
/// temporary directory deleted at the end, or the <c>--keep</c> directory, left in place.
/// </summary>
internal sealed class DemoWorkspace : IDisposable
{
    private DemoWorkspace(string root, bool kept)
    {
        Root = root;
        Kept = kept;
    }

    public string Root { get; }

    /// <summary>True when the workspace outlives the demo (<c>--keep</c>).</summary>
    public bool Kept { get; }

    public string Broker => Path.Combine(Root, "broker");

    public string Ledger => Path.Combine(Root, "ledger");

    public string BrokerConfig => Path.Combine(Root, "broker.json");

    public string ServiceLog => Path.Combine(Root, "services.log");

    public string Participant(string participantId) => Path.Combine(Root, participantId);

    /// <summary>A kept workspace in <paramref name="keep"/> (new or empty), or a temporary one.</summary>
    public static DemoWorkspace Create(string? keep)
    {
        if (keep is null)
        {
            return new DemoWorkspace(Directory.CreateTempSubdirectory("dataspace-demo-").FullName, kept: false);
        }
        var root = Path.GetFullPath(keep);
        if (File.Exists(root) || (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any()))
        {
            throw CliException.Output($"--keep {keep} is not an empty directory.", "name a new or empty directory; the demo never writes over an existing space.");
        }
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Output($"cannot create {keep}: {e.Message}", inner: e);
        }
        return new DemoWorkspace(root, kept: true);
    }

    public void Dispose()
    {
        if (Kept)
        {
            return;
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held by a stopping server; the temporary folder is the OS's to clean.
        }
    }
}
