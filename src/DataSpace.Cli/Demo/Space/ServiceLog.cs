using System.Collections.Concurrent;
using System.Globalization;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Where the services log (warnings and errors only): the workspace's <c>services.log</c>, never the
/// console, so the demo's tables stay readable. In-process services log through
/// <see cref="ServiceLogProvider"/>; services run as processes send their output here line by line.
/// The last warnings are kept in memory to be shown when an outcome was not the expected one and the
/// workspace is not kept.
/// </summary>
internal sealed class ServiceLog(string path)
{
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly Lock _file = new();

    public string Path { get; } = path;

    public IReadOnlyList<string> Recent => [.. _recent];

    public void Write(string service, string category, string level, string message) =>
        Append($"{Now()} {service} {level} {category}: {message}", recent: true);

    /// <summary>
    /// A line a service process printed: its stdout (the banner) goes to the file only; its stderr
    /// (warnings and errors: the process logs them there) is also kept among the recent lines.
    /// </summary>
    public void Output(string service, string line, bool isError) =>
        Append($"{Now()} {service} {(isError ? "stderr" : "stdout")}: {line}", recent: isError);

    private static string Now() => DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private void Append(string line, bool recent)
    {
        if (recent)
        {
            _recent.Enqueue(line);
            while (_recent.Count > Kept && _recent.TryDequeue(out _))
            {
            }
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
