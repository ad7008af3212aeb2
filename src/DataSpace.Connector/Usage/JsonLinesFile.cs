using System.Text.Json.Nodes;
using DataSpace.Core.Results;
using DataSpace.Crypto.Json;

namespace DataSpace.Connector.Usage;

/// <summary>
/// An append-only file of JSON lines (one RFC 8785 canonical object per line). An append is on
/// disk (flushed through the OS cache) when it returns; a line torn by a crash is closed with a
/// newline before the next one, so it spoils only itself. Appends within the process are serialised.
/// </summary>
internal abstract class JsonLinesFile(string path)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file.</summary>
    public string FilePath { get; } = path;

    /// <summary>Appends <paramref name="line"/> durably; an I/O failure is <see cref="ErrorKind.Unavailable"/>.</summary>
    public async Task<Error?> AppendAsync(JsonObject line, CancellationToken cancellationToken)
    {
        byte[] bytes = [.. CanonicalJson.Serialize(line), (byte)'\n'];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var file = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.Asynchronous);
            if (file.Length > 0)
            {
                file.Seek(-1, SeekOrigin.End);
                if (file.ReadByte() != '\n')
                {
                    file.WriteByte((byte)'\n');
                }
            }
            file.Seek(0, SeekOrigin.End);
            // Not cancellable once started: a line is written whole or, after a crash, torn and closed by the next append.
            await file.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error.Unavailable($"{FilePath} could not be written ({e.Message}).");
        }
        finally
        {
            _gate.Release();
        }
    }
}
