namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>A connection that breaks after <c>cutAt</c> bytes.</summary>
internal sealed class CutStream(byte[] data, int cutAt) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= cutAt)
        {
            throw new IOException("The connection was reset.");
        }
        var n = Math.Min(count, Math.Min(cutAt, data.Length) - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
