using System.Buffers.Text;
using System.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// A write-only stream that armors what is written to it (age spec, "ASCII armor"): the BEGIN
/// line, 64-column padded base64 lines with LF endings, and on <see cref="CompleteAsync"/> the
/// last short line and the END line. It never closes the inner stream.
/// </summary>
internal sealed class ArmorWriter : Stream
{
    private const int LinesPerFlush = 1024;

    private readonly Stream _inner;
    private readonly byte[] _pending = new byte[Armor.BytesPerLine];
    private readonly byte[] _text = new byte[LinesPerFlush * (Armor.ColumnsPerLine + 1)];
    private int _pendingCount;
    private bool _started;

    public ArmorWriter(Stream inner)
    {
        _inner = inner;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        while (!buffer.IsEmpty)
        {
            var textLength = 0;
            // Complete a partial line left from the previous write, then whole lines straight from the buffer.
            while (!buffer.IsEmpty && textLength < _text.Length)
            {
                if (_pendingCount > 0 || buffer.Length < Armor.BytesPerLine)
                {
                    var take = Math.Min(Armor.BytesPerLine - _pendingCount, buffer.Length);
                    buffer.Span[..take].CopyTo(_pending.AsSpan(_pendingCount));
                    _pendingCount += take;
                    buffer = buffer[take..];
                    if (_pendingCount < Armor.BytesPerLine)
                    {
                        break;
                    }
                    textLength += EncodeLine(_pending, _text.AsSpan(textLength));
                    _pendingCount = 0;
                    continue;
                }
                textLength += EncodeLine(buffer.Span[..Armor.BytesPerLine], _text.AsSpan(textLength));
                buffer = buffer[Armor.BytesPerLine..];
            }
            await _inner.WriteAsync(_text.AsMemory(0, textLength), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the final partial line and the END line.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var textLength = _pendingCount > 0 ? EncodeLine(_pending.AsSpan(0, _pendingCount), _text) : 0;
        textLength += Encoding.ASCII.GetBytes(Armor.Footer + "\n", _text.AsSpan(textLength));
        await _inner.WriteAsync(_text.AsMemory(0, textLength), cancellationToken).ConfigureAwait(false);
        _pendingCount = 0;
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            await _inner.WriteAsync(Encoding.ASCII.GetBytes(Armor.Header + "\n"), cancellationToken).ConfigureAwait(false);
        }
    }

    private static int EncodeLine(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Base64.EncodeToUtf8(data, destination, out _, out var written);
        destination[written] = (byte)'\n';
        return written + 1;
    }
}
