using System.Runtime.InteropServices;
using DataSpace.Storage.FileSystem;
using DataSpace.Storage.Tests.Support;
using Microsoft.Win32.SafeHandles;

namespace DataSpace.Storage.Tests.FileSystem;

/// <summary>Reading big blobs past the page cache: the direct handle, the read-ahead, and the store's content stream over them.</summary>
public sealed class DirectReadTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public DirectReadTests()
    {
        Directory.CreateDirectory(_directory.Path);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void TryReopen_FileOnDisk_ReadsTheVersionOpenedEvenAfterItIsReplaced()
    {
        var path = Write("a.bin", GeneratedStream.Bytes(3 * DirectRead.Alignment, seed: 1));
        using var opened = File.OpenHandle(path);
        File.WriteAllBytes(path + ".new", GeneratedStream.Bytes(3 * DirectRead.Alignment, seed: 2));
        File.Move(path + ".new", path, overwrite: true);

        using var direct = DirectRead.TryReopen(opened);

        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(direct);
            return;
        }
        Assert.SkipWhen(direct is null, "the temp directory's file system has no direct I/O");
        var block = DirectRead.AllocateAligned(2 * DirectRead.Alignment);
        Assert.Equal(block.Length, RandomAccess.Read(direct, block.Span, DirectRead.Alignment));
        Assert.Equal(GeneratedStream.Bytes(3 * DirectRead.Alignment, seed: 1)[DirectRead.Alignment..], block.ToArray());
        // It really is direct: the kernel refuses a read into memory off the alignment.
        Assert.ThrowsAny<IOException>(() => RandomAccess.Read(direct, block.Span[1..(DirectRead.Alignment + 1)], 0));
    }

    [Fact]
    public void AllocateAligned_StartsOnTheAlignment()
    {
        var block = DirectRead.AllocateAligned(DirectRead.Alignment);

        Assert.True(MemoryMarshal.TryGetArray<byte>(block, out var segment));
        Assert.Equal(0, Marshal.UnsafeAddrOfPinnedArrayElement(segment.Array!, segment.Offset).ToInt64() % DirectRead.Alignment);
        Assert.Equal(DirectRead.Alignment, block.Length);
    }

    [Fact]
    public async Task ReadAsync_FromAnOddPositionInOddSizes_ReturnsTheFileAcrossBlocks()
    {
        var bytes = GeneratedStream.Bytes((3 * ReadAhead.BlockBytes) + 4321, seed: 3);
        using var reader = new ReadAhead(OpenDirect(Write("b.bin", bytes)), bytes.Length);

        var copy = new List<byte>();
        var sizes = new[] { 1, 777, 65_536, ReadAhead.BlockBytes + 5, 3 };
        long position = 777;
        for (var i = 0; ; i++)
        {
            var buffer = new byte[sizes[i % sizes.Length]];
            var read = await reader.ReadAsync(buffer, position);
            if (read == 0)
            {
                break;
            }
            Assert.True(read <= ReadAhead.BlockBytes - (position % ReadAhead.BlockBytes), "a read stops at the end of its block");
            copy.AddRange(buffer[..read]);
            position += read;
        }

        Assert.Equal(bytes[777..], copy.ToArray());
    }

    [Fact]
    public async Task ReadAsync_SeekBackAndAhead_ReadsThoseBytes()
    {
        var bytes = GeneratedStream.Bytes((4 * ReadAhead.BlockBytes) + 10, seed: 4);
        using var reader = new ReadAhead(OpenDirect(Write("c.bin", bytes)), bytes.Length);
        var buffer = new byte[100];

        foreach (var position in new long[] { 0, (3 * ReadAhead.BlockBytes) + 5, ReadAhead.BlockBytes - 50, 20, (4L * ReadAhead.BlockBytes) - 1, bytes.Length - 10 })
        {
            var read = await reader.ReadAsync(buffer, position);
            Assert.Equal(bytes.AsSpan((int)position, read).ToArray(), buffer[..read]);
            Assert.True(read > 0);
        }
        Assert.Equal(0, await reader.ReadAsync(buffer, bytes.Length));
    }

    [Fact]
    public async Task ReadAsync_FileShorterThanItsLength_IOException()
    {
        var bytes = GeneratedStream.Bytes(ReadAhead.BlockBytes / 2, seed: 5);
        using var reader = new ReadAhead(OpenDirect(Write("d.bin", bytes)), bytes.Length + 10);

        var failure = await Assert.ThrowsAsync<IOException>(async () => await reader.ReadAsync(new byte[10], 0));

        Assert.Contains("ended 10 bytes early", failure.Message);
    }

    [Fact]
    public async Task OpenReadAsync_BigBlobOverwrittenMidRead_SeeksAndKeepsItsVersion()
    {
        // A blob this big is read past the page cache.
        const long Size = 64L << 20;
        var store = new FileSystemBlobStore(Path.Combine(_directory.Path, "store"));
        await store.PutAsync("big", new GeneratedStream(Size, seed: 6), Content.Metadata(("label", "{\"odd\":\"length\"}")), Token);
        await using var blob = await store.OpenReadAsync("big", Token);
        await store.PutAsync("big", new GeneratedStream(Size, seed: 7), Content.None, Token);

        var buffer = new byte[3000];
        foreach (var position in new[] { Size - 100, 12_345_678, 0, Size - 3000 })
        {
            blob!.Content.Position = position;
            var read = await blob.Content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, Token);
            Assert.Equal((int)Math.Min(buffer.Length, Size - position), read);
            for (var i = 0; i < read; i++)
            {
                Assert.Equal(GeneratedStream.At(position + i, 6), buffer[i]);
            }
        }
        blob!.Content.Position = Size - 10;
        Assert.Equal(GeneratedStream.At(Size - 10, 6), blob.Content.ReadByte());
        Assert.Equal(9, await blob.Content.ReadAsync(buffer, Token));
        Assert.Equal(0, await blob.Content.ReadAsync(buffer, Token));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // The read-ahead works on any handle; where there is no direct one, an ordinary one stands in.
    private static SafeFileHandle OpenDirect(string path)
    {
        using var opened = File.OpenHandle(path);
        return DirectRead.TryReopen(opened) ?? File.OpenHandle(path);
    }
}
