using System.Buffers.Text;

namespace DataSpace.Crypto.Age;

/// <summary>
/// A read-only stream that strictly removes the ASCII armor (age spec, "ASCII armor"; RFC 7468
/// section 3, Figure 3). Accepted: whitespace before and after the block (up to 1 KiB each), LF
/// or CRLF line ends, a missing final line end. Rejected with <see cref="AgeErrorKind.Armor"/>:
/// anything else outside the block, PEM headers, empty or long lines, a short line that is not
/// the last, missing or non-canonical padding, any other character. Lines are decoded as the
/// reader asks for bytes, so memory stays bounded.
/// </summary>
internal sealed class ArmorReader : Stream
{
    private readonly BufferedSource _source;
    private readonly byte[] _decoded = new byte[1024 * Armor.BytesPerLine];
    private int _decodedStart;
    private int _decodedEnd;
    private bool _started;
    private bool _finished;

    public ArmorReader(BufferedSource source)
    {
        _source = source;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_decodedStart == _decodedEnd && !_finished)
        {
            _decodedStart = _decodedEnd = 0;
            await DecodeLinesAsync(cancellationToken).ConfigureAwait(false);
        }
        var count = Math.Min(buffer.Length, _decodedEnd - _decodedStart);
        _decoded.AsMemory(_decodedStart, count).CopyTo(buffer);
        _decodedStart += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async ValueTask DecodeLinesAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            await ReadBeginLineAsync(cancellationToken).ConfigureAwait(false);
            _started = true;
        }
        while (_decodedEnd + Armor.BytesPerLine <= _decoded.Length)
        {
            var (line, _) = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Span.SequenceEqual(Footer))
            {
                await ReadTrailingWhitespaceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            var decoded = DecodeLine(line.Span, _decoded.AsSpan(_decodedEnd));
            _decodedEnd += decoded;
            if (decoded < Armor.BytesPerLine)
            {
                // Only the last line may be short, and the END line must follow it.
                var (footer, _) = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (!footer.Span.SequenceEqual(Footer))
                {
                    throw Fail("a short line is not followed by the END line");
                }
                await ReadTrailingWhitespaceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private async ValueTask ReadBeginLineAsync(CancellationToken cancellationToken)
    {
        var whitespace = 0;
        while (true)
        {
            var (line, raw) = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Span.SequenceEqual(Header))
            {
                return;
            }
            whitespace += raw;
            if (line.Span.ContainsAnyExcept(" \t\r\v\f"u8) || whitespace > Armor.MaxWhitespace)
            {
                throw Fail("the input is neither a binary age file nor starts with '" + Armor.Header + "'");
            }
        }
    }

    private async ValueTask ReadTrailingWhitespaceAsync(CancellationToken cancellationToken)
    {
        var rest = new byte[Armor.MaxWhitespace + 1];
        var read = await _source.ReadFullAsync(rest, cancellationToken).ConfigureAwait(false);
        foreach (var c in rest.AsSpan(0, read))
        {
            if (!Armor.IsWhitespace(c))
            {
                throw Fail("data follows the END line");
            }
        }
        if (read > Armor.MaxWhitespace)
        {
            throw Fail("too much whitespace follows the END line");
        }
        _finished = true;
    }

    /// <summary>Reads a line without its LF and one CR before it; also returns its raw length.</summary>
    private async ValueTask<(ReadOnlyMemory<byte> Line, int Raw)> ReadLineAsync(CancellationToken cancellationToken)
    {
        var (line, end) = _source.TryReadBufferedLine(out var buffered)
            ? (buffered, BufferedSource.LineEnd.Newline)
            : await _source.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (end == BufferedSource.LineEnd.TooLong)
        {
            throw Fail("a line is too long");
        }
        if (end == BufferedSource.LineEnd.EndOfStream && line.IsEmpty)
        {
            throw Fail("the input ends before the END line");
        }
        var raw = line.Length;
        if (end == BufferedSource.LineEnd.Newline)
        {
            line = line[..^1];
        }
        if (!line.IsEmpty && line.Span[^1] == (byte)'\r')
        {
            line = line[..^1];
        }
        return (line, raw);
    }

    /// <summary>Strict padded base64 of one line: 4 to 64 characters, padding only at the end, canonical.</summary>
    private static int DecodeLine(ReadOnlySpan<byte> line, Span<byte> destination)
    {
        if (line.IsEmpty || line.Length > Armor.ColumnsPerLine || line.Length % 4 != 0)
        {
            throw Fail("a line is empty, longer than 64 columns, or not padded to a multiple of 4");
        }
        var padding = line.EndsWith("=="u8) ? 2 : line.EndsWith("="u8) ? 1 : 0;
        if (!Base64Unpadded.IsAlphabet(line[..^padding]))
        {
            throw Fail("a line holds a character outside the base64 alphabet");
        }
        if (Base64.DecodeFromUtf8(line, destination, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            throw Fail("a line is not valid base64");
        }
        if (padding > 0)
        {
            // Only a padded last group can hide non-zero unused bits (RFC 4648 section 3.5).
            Span<byte> again = stackalloc byte[4];
            Base64.EncodeToUtf8(destination.Slice(written - (3 - padding), 3 - padding), again, out _, out _);
            if (!again.SequenceEqual(line[^4..]))
            {
                throw Fail("a line is not canonical base64");
            }
        }
        return written;
    }

    private static ReadOnlySpan<byte> Header => "-----BEGIN AGE ENCRYPTED FILE-----"u8;

    private static ReadOnlySpan<byte> Footer => "-----END AGE ENCRYPTED FILE-----"u8;

    private static AgeException Fail(string reason) => new(AgeErrorKind.Armor, "Invalid age armor: " + reason + ".");
}
