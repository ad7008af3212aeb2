using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Sealing;
using DataSpace.Storage;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The consumer's one pass over a transfer's content (DESIGN §5 step 4e), shaped as the stream a
/// blob store's <c>PutAsync</c> reads, with <see cref="CheckAsync"/> as that put's
/// <see cref="PublishCheck"/>. Every byte read from the provider is handed on unchanged — the store
/// keeps the age ciphertext as is, encrypted at rest to this participant, and hashes it — while on
/// another core it is decrypted and the plaintext hashed (a bounded pipe between the two keeps
/// memory flat whatever the size). The end of the stream waits for the decryption's verdict; the
/// check then fetches the provider-signed manifest of exactly the ciphertext the store hashed and
/// checks its signature, context, digests and sizes before the store publishes. Any failure — a
/// chunk that does not authenticate, a cut, a forged or mismatching manifest — throws from
/// <c>ReadAsync</c> or the check, so the put fails and publishes nothing; once failed, the stream
/// keeps failing.
/// </summary>
/// <remarks>The ciphertext is hashed once, by the store: hashing it here as well cost a tenth of a transfer's time.</remarks>
internal sealed class VerifyingCiphertextStream : Stream
{
    private const long PauseWriterAt = 1 << 20;
    private const long ResumeWriterAt = 512 << 10;

    // Segments of one size, filled a slice at a time: the pipe then reuses pooled segments. Handed
    // a 1 MiB block at once, it rents a segment of that size each time, and memory grows with the file.
    private const int Segment = 64 << 10;

    private readonly Stream _ciphertext;
    private readonly ManifestSource _manifests;
    private readonly ManifestExpectation _expected;
    private readonly Pipe _pipe = new(new PipeOptions(
        pauseWriterThreshold: PauseWriterAt, resumeWriterThreshold: ResumeWriterAt, minimumSegmentSize: Segment, useSynchronizationContext: false));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<(string Sha256, long Size)> _decryption;
    private (string Sha256, long Size)? _plaintext;
    private long _received;
    private ExceptionDispatchInfo? _failure;
    private bool _disposed;

    /// <summary>Reads <paramref name="ciphertext"/> (not disposed here), decrypting with <paramref name="identities"/>.</summary>
    public VerifyingCiphertextStream(Stream ciphertext, IReadOnlyList<IIdentity> identities, ManifestSource manifests, ManifestExpectation expected)
    {
        _ciphertext = ciphertext;
        _manifests = manifests;
        _expected = expected;
        _decryption = Task.Run(() => DecryptAsync(identities));
    }

    /// <summary>Set once the whole content arrived and matched its manifest; null before, and after any failure.</summary>
    public VerifiedContent? Verified { get; private set; }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => _received; set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        if (_plaintext is not null)
        {
            return 0;
        }
        try
        {
            var read = await _ciphertext.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                _received += read;
                for (var offset = 0; offset < read; offset += Segment)
                {
                    var slice = buffer.Span[offset..Math.Min(read, offset + Segment)];
                    slice.CopyTo(_pipe.Writer.GetSpan(slice.Length));
                    _pipe.Writer.Advance(slice.Length);
                }
                var flushed = await _pipe.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    // The decryptor stopped before the end: only a failure does that; surface it.
                    await _decryption.ConfigureAwait(false);
                    throw new SealException(SealFailure.CiphertextMismatch, "Data follows the end of the age payload.");
                }
                return read;
            }
            await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
            _plaintext = await _decryption.ConfigureAwait(false);
            return 0;
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

    /// <summary>
    /// The store's <see cref="PublishCheck"/>: the manifest the provider signed for exactly the
    /// ciphertext stored (<paramref name="size"/> bytes with SHA-256 <paramref name="sha256"/>) must
    /// match it and the plaintext decrypted from it; sets <see cref="Verified"/> when it does.
    /// </summary>
    public async Task CheckAsync(long size, string sha256, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        try
        {
            if (_plaintext is not { } plaintext || size != _received)
            {
                throw new InvalidOperationException("The store must read the whole content before it asks for the check.");
            }
            Verified = await VerifyAsync(new ReceivedDigests(sha256, size, plaintext.Sha256, plaintext.Size), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await ShutdownAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ShutdownAsync().GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }

    /// <summary>The manifest's verdict on what was received.</summary>
    private async Task<VerifiedContent> VerifyAsync(ReceivedDigests digests, CancellationToken cancellationToken)
    {
        var signed = await _manifests(digests.CiphertextSha256, cancellationToken).ConfigureAwait(false);
        if (!signed.IsSuccess)
        {
            throw new TransferFault(signed.Error);
        }
        var manifest = _expected.Open(signed.Value);
        _expected.Check(manifest, digests);
        return new VerifiedContent(manifest, signed.Value, digests);
    }

    /// <summary>Decrypts what the pipe delivers into a hash; an age file must end where its payload ends.</summary>
    private async Task<(string Sha256, long Size)> DecryptAsync(IReadOnlyList<IIdentity> identities)
    {
        var input = _pipe.Reader.AsStream(leaveOpen: true);
        try
        {
            await using var plaintext = new DigestingStream(Stream.Null);
            await AgeDecryptor.DecryptAsync(input, plaintext, identities, _stop.Token).ConfigureAwait(false);
            await plaintext.FlushAsync(_stop.Token).ConfigureAwait(false);
            var trailing = 0L;
            var scratch = new byte[8192];
            for (int read; (read = await input.ReadAsync(scratch, _stop.Token).ConfigureAwait(false)) > 0;)
            {
                trailing += read;
            }
            if (trailing > 0)
            {
                throw new SealException(SealFailure.CiphertextMismatch, $"{trailing} bytes follow the end of the age payload.");
            }
            return (Convert.ToHexStringLower(plaintext.Digest), plaintext.BytesProcessed);
        }
        finally
        {
            await _pipe.Reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ShutdownAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        // Its outcome was already reported, or nobody asked for it.
        await ((Task)_decryption).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
