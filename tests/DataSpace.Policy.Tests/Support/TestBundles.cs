using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace DataSpace.Policy.Tests.Support;

/// <summary>Small bundles for tests: files from text, and gzip-compressed tar archives built in memory.</summary>
internal static class TestBundles
{
    public const string Transfer = """
        package dataspace.transfer

        default decision := {"allow": false, "reasons": ["no grant matches"], "obligations": []}

        decision := {"allow": true, "reasons": [], "obligations": [{"type": "delete_after", "days": 30}]} if {
            input.subject.role == "analyst"
            input.action == "read"
        }

        flag := input.flag

        undefined_unless_admin if input.subject.role == "admin"

        conflict := 1 if input.conflict
        conflict := 2 if input.conflict
        """;

    public static BundleFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    public static PolicyBundle TransferBundle() => PolicyBundle.FromFiles([File("dataspace/transfer.rego", Transfer)]);

    public static byte[] TarGz(params (string Name, string Text)[] files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
                tar.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }
}
