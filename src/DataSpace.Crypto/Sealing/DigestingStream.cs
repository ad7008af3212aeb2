using System.Buffers;
using System.Security.Cryptography;

namespace DataSpace.Crypto.Sealing;

/// <summary>
/// A pass-through stream that computes the SHA-256 and length of every byte read from or written
/// to the inner stream, so a file is hashed in the same pass that encrypts or decrypts it.
/// </summary>
/// <remarks>
/// Hashing costs more per byte than ChaCha20-Poly1305 here, so on the asynchronous path each
/// block is hashed on another core while the caller works: a read returns at once and a copy of
/// its block is hashed in the background (the caller may change its buffer as soon as the read
/// returns), and the next read first waits for that hash; a write completes only when both the
/// inner write and the hash of its block are done. The digest therefore always covers exactly the
/// bytes passed, in order.
/// </remarks>
public sealed class DigestingStream : Stream
{
    private const int BackgroundThreshold = 16 * 1024;
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly IncrementalHash? _hash;
    private Task _pendingHash = Task.CompletedTask;
    private byte[]? _digest;

    /// <summary>Wraps <paramref name="inner"/>; with <paramref name="computeDigest"/> false it only counts bytes (for progress).</summary>
    public DigestingStream(Stream inner, bool leaveOpen = false, bool computeDigest = true)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        _hash = computeDigest ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    }

    /// <summary>Bytes that have passed through so far.</summary>
    public long BytesProcessed { get; private set; }

    /// <summary>Called after each block with the running byte count (for progress bars).</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>The SHA-256 of all bytes that passed; after the first call no more may pass.</summary>
    public byte[] Digest
    {
        get
        {
            if (_hash is null)
            {
                throw new InvalidOperationException("This stream only counts bytes.");
            }
            _pendingHash.GetAwaiter().GetResult();
            return _digest ??= _hash.GetHashAndReset();
        }
    }

    /// <inheritdoc />
    public override bool CanRead => _inner.CanRead;

    /// <inheritdoc />
    public override bool CanWrite => _inner.CanWrite;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => BytesProcessed; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        _pendingHash.GetAwaiter().GetResult();
        var read = _inner.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _pendingHash.ConfigureAwait(false);
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _pendingHash = AccountInBackground(buffer[..read], copy: true);
        return read;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Account(buffer);
        _inner.Write(buffer);
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var hashing = AccountInBackground(buffer, copy: false);
        await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        await hashing.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
        _pendingHash.GetAwaiter().GetResult();
        _inner.Flush();
    }

    /// <inheritdoc />
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _pendingHash.ConfigureAwait(false);
        await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Never release the hash while a background block still uses it.
            _pendingHash.ContinueWith(static _ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
            _hash?.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    /// <summary>
    /// Hashes on the thread pool when the block is large enough to be worth a hop; with
    /// <paramref name="copy"/>, a private copy, for callers that may change the block meanwhile.
    /// </summary>
    private Task AccountInBackground(ReadOnlyMemory<byte> block, bool copy)
    {
        if (_hash is null || block.Length < BackgroundThreshold)
        {
            Account(block.Span);
            return Task.CompletedTask;
        }
        CheckOpen();
        BytesProcessed += block.Length;
        Progress?.Invoke(BytesProcessed);
        if (!copy)
        {
            return Task.Run(() => _hash.AppendData(block.Span));
        }
        var length = block.Length;
        var snapshot = ArrayPool<byte>.Shared.Rent(length);
        block.Span.CopyTo(snapshot);
        return Task.Run(() =>
        {
            _hash.AppendData(snapshot, 0, length);
            ArrayPool<byte>.Shared.Return(snapshot);
        });
    }

    private void Account(ReadOnlySpan<byte> bytes)
    {
        CheckOpen();
        _hash?.AppendData(bytes);
        BytesProcessed += bytes.Length;
        Progress?.Invoke(BytesProcessed);
    }

    private void CheckOpen()
    {
        if (_digest is not null)
        {
            throw new InvalidOperationException("The digest was already taken.");
        }
    }
}
