using System.Diagnostics;
using System.Text;

namespace DataSpace.EndToEnd.Tests.Support;

/// <summary>
/// The machine's processes, as <c>ps</c> sees them (Linux <c>/proc</c>): which ones carry a marker — a
/// test's temporary directory in their command line, or in their environment — so a test can check
/// that nothing it started outlived it, and end whatever did. Other people's processes on the same
/// machine never carry the marker, so they are never touched.
/// </summary>
internal static class ProcessTable
{
    /// <summary>The processes whose command line or environment contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<RunningProcess> Carrying(string marker)
    {
        var found = new List<RunningProcess>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            var commandLine = Read(Path.Combine(directory, "cmdline"));
            if (commandLine.Contains(marker, StringComparison.Ordinal) || Read(Path.Combine(directory, "environ")).Contains(marker, StringComparison.Ordinal))
            {
                found.Add(new RunningProcess(pid, commandLine));
            }
        }
        return found;
    }

    /// <summary>Waits until no process carries <paramref name="marker"/>; the ones left after <paramref name="within"/>.</summary>
    public static async Task<IReadOnlyList<RunningProcess>> GoneAsync(string marker, TimeSpan within)
    {
        var until = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var left = Carrying(marker);
            if (left.Count == 0 || DateTimeOffset.UtcNow > until)
            {
                return left;
            }
            await Task.Delay(200, CancellationToken.None);
        }
    }

    /// <summary>Kills every process carrying <paramref name="marker"/> (the last resort of a fixture's cleanup).</summary>
    public static void KillCarrying(string marker)
    {
        foreach (var left in Carrying(marker))
        {
            try
            {
                using var process = Process.GetProcessById(left.Id);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Ended meanwhile.
            }
        }
    }

    private static string Read(string path)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path)).Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // ended meanwhile, or not ours to read
        }
    }
}
