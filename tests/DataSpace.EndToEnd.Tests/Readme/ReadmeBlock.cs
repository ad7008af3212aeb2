using DataSpace.Testing;

namespace DataSpace.EndToEnd.Tests.Readme;

/// <summary>The shell blocks of the repository's README.md, read in place, so that a test runs what users copy.</summary>
internal static class ReadmeBlock
{
    /// <summary>The first <c>```sh</c> block under the heading <paramref name="heading"/> (e.g. <c>## Run a space by hand</c>).</summary>
    public static string Under(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.RepositoryRoot, "README.md"));
        var start = Array.FindIndex(lines, l => l.TrimEnd() == heading);
        Assert.True(start >= 0, $"README.md has no heading \"{heading}\"");
        var open = Array.FindIndex(lines, start, l => l.TrimEnd() == "```sh");
        var close = Array.FindIndex(lines, open + 1, l => l.TrimEnd() == "```");
        Assert.True(open > start && close > open, $"README.md has no ```sh block under \"{heading}\"");
        return string.Join('\n', lines[(open + 1)..close]) + "\n";
    }
}
