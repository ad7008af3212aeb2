using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DataSpace.Cli.Hosting;

/// <summary>
/// How to start this same <c>dataspace</c> command as a child process: <c>dotnet dataspace.dll …</c>,
/// with the .NET host of the runtime running now, whatever started this process (<c>dotnet run</c>,
/// the installed tool, a test host that references the CLI). <c>dataspace demo --processes</c> starts
/// its services this way; the end-to-end tests start the demo, the services and the auditor this way.
/// </summary>
/// <param name="Host">The <c>dotnet</c> host executable.</param>
/// <param name="Assembly">The path of <c>dataspace.dll</c> (its runtimeconfig.json lies beside it).</param>
internal sealed record DataspaceProgram(string Host, string Assembly)
{
    /// <summary>The program this code belongs to.</summary>
    public static DataspaceProgram Current { get; } = new(FindHost(), typeof(DataspaceProgram).Assembly.Location);

    /// <summary>A start for <c>dataspace <paramref name="args"/></c>; output not redirected yet.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Host) { UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    private static string FindHost()
    {
        // Run by `dotnet dataspace.dll` (dotnet run does that): the host is this process's own executable.
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }
        // Otherwise (the tool's apphost, a test host): the shared runtime lives in
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/, and the host in <dotnet root>.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
