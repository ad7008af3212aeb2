using System.Diagnostics;
using System.Globalization;

namespace DataSpace.Benchmarks.Load;

/// <summary>
/// CPU time (user + system) used so far by the processes of a run: this one, and others by their
/// id (Linux <c>/proc/PID/stat</c>). The machine is shared, so the rate moves with whatever else
/// runs; CPU time per negotiation moves much less and is what the services cost.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of /proc/PID/stat times; 100 on every Linux ABI .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int? processId)
    {
        if (processId is not { } pid)
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }
        // The command name (field 2) may hold spaces; fields 14 and 15 (utime, stime) follow its ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
