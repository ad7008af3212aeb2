using System.Globalization;
using System.Text;

namespace DataSpace.Connector.Witnessing;

/// <summary>
/// Where the witness keeps what it saw (<c>DataDirectory/witness</c>): <c>checkpoint</c>, the last
/// checkpoint it accepted as a signed note with its own cosignature, replaced atomically (a
/// temporary file, flushed, renamed over the old one), and one <c>split-view-*.txt</c> file per
/// refused fork, holding both checkpoints and the proof offered, as evidence for the operator.
/// </summary>
internal sealed class WitnessStateFile(string directory)
{
    public const string CheckpointFileName = "checkpoint";

    public string Directory { get; } = directory;

    public string CheckpointPath => Path.Combine(Directory, CheckpointFileName);

    /// <summary>The last accepted note, or null before the first.</summary>
    public string? ReadLast() => File.Exists(CheckpointPath) ? File.ReadAllText(CheckpointPath, Encoding.UTF8) : null;

    public void Save(string note)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = $"{CheckpointPath}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(note));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, CheckpointPath, overwrite: true);
    }

    /// <summary>Keeps a refused fork: the accepted note, the conflicting one, the proof offered, and why it failed.</summary>
    public string SaveEvidence(string? accepted, string offered, IReadOnlyList<byte[]> proof, string reason, DateTimeOffset time)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"split-view-{time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.txt");
        var text = new StringBuilder()
            .Append("reason: ").Append(reason).Append('\n')
            .Append("\n# accepted checkpoint\n").Append(accepted ?? "(none)\n")
            .Append("\n# offered checkpoint\n").Append(offered)
            .Append("\n# consistency proof offered (base64, one hash per line)\n");
        foreach (var hash in proof)
        {
            text.Append(Convert.ToBase64String(hash)).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }
}
