namespace DataSpace.Cli.Tests;

/// <summary>A scratch directory deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("dataspace-cli-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file name in the directory, including hidden temporary files.</summary>
    public IReadOnlyList<string> Names() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).Order().ToList()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
