namespace DataSpace.Ledger.Tests.Storage;

/// <summary>Exposes the segment header size to the corruption test.</summary>
internal static class SegmentFormatProbe
{
    public const int HeaderSize = DataSpace.Ledger.Storage.SegmentFormat.HeaderSize;
}
