namespace DataSpace.EndToEnd.Tests.Support;

/// <summary>
/// A test's temporary directory, which is also the mark of every process the test starts: their
/// command lines name files in it (<c>--config DIR/…</c>, <c>--keep DIR</c>), or their environment
/// carries it (<see cref="Variable"/>). Disposing kills whatever still carries the mark — a failed or
/// timed-out test leaves no process behind — and then deletes the directory.
/// </summary>
internal sealed class Scratch : IDisposable
{
    /// <summary>Set to <see cref="Path"/> in the environment of the processes a test starts, and inherited by theirs.</summary>
    public const string Variable = "DATASPACE_E2E_SCRATCH";

    public Scratch()
    {
        Path = Directory.CreateTempSubdirectory("dataspace-e2e-").FullName;
    }

    public string Path { get; }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        ProcessTable.KillCarrying(Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
