using DataSpace.Ledger.Tests.Logs;
using DataSpace.Ledger.Tests.Storage;

namespace DataSpace.Ledger.Tests.Verification;

/// <summary>One pristine signed ledger (120 entries, 5 parties, checkpoints every 10), copied per case.</summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    public const int Entries = 120;
    public const ulong Interval = 10;

    private readonly TempDirectory _dir = new();

    internal TestParties Keys { get; } = new(5);

    public string Pristine => _dir.Path;

    public async ValueTask InitializeAsync() => await (await Keys.BuildAsync(_dir.Path, Entries, Interval, seed: 7)).DisposeAsync();

    /// <summary>A fresh copy of the pristine ledger (without the store's LOCK file).</summary>
    public string Copy(string target)
    {
        foreach (var file in Directory.GetFiles(Pristine, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "LOCK"))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Pristine, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    public ValueTask DisposeAsync()
    {
        Keys.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
