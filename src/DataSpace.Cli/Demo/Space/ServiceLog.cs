using System.Collections.Concurrent;
using System.Globalization;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Where the in-process services log (warnings and errors only): the workspace's <c>services.log</c>,
/// never the console, so the demo's tables stay readable. The last lines are kept in memory to be
/// shown when an outcome was not the expected one and the workspace is not kept.
/// </summary>
internal sealed class ServiceLog(string path)
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly Lock _file = new();

    public string Path { get; } = path;

    public IReadOnlyList<string> Recent => [.. _recent];

    public void Write(string service, string category, string level, string message)
    {
        var line = $"{DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {service} {level} {category}: {message}";
        _recent.Enqueue(line);
        while (_recent.Count > Kept && _recent.TryDequeue(out _))
        {
        }
        lock (_file)
        {
            try
            {
                File.AppendAllText(Path, line + Environment.NewLine);
            }
            catch (IOException)
            {
                // Logging must never break the story; the line is still in Recent.
            }
        }
    }
}
