using System.Text;
using System.Text.Json;
using DataSpace.Core.Json;
using DataSpace.Crypto.Json;

namespace DataSpace.Crypto.Tests.Json;

/// <summary>
/// Records written in <see cref="DomainJson.CanonicalOrderOptions"/> are canonical as written, so signing
/// them takes the canonicaliser's one-pass path; and they mean what the usual options write.
/// </summary>
public sealed class CanonicalOrderRecordTests
{
    private enum Grade { General, Important }

    private sealed record Inner(string Zeta, int Alpha);

    private sealed record Sample(
        string Name, Grade Grade, DateTimeOffset At, IReadOnlyList<string> Purposes, Inner Inner,
        JsonElement Label, string? Missing, long Size, string AgreementId);

    private static Sample Record() => new(
        "数据 é +<>&' ok", Grade.Important, new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero), ["quality-analysis", "b+c"],
        new Inner("z", 7), JsonElement.Parse("""{"grade":"important","level":2}"""), null, 123456789, "a-1");

    [Fact]
    public void ToCanonicalOrderUtf8_Record_IsPlainlyCanonical()
    {
        var text = DomainJson.ToCanonicalOrderUtf8(Record());

        Assert.True(CanonicalJson.IsPlainlyCanonical(text), Encoding.UTF8.GetString(text));
    }

    [Fact]
    public void ToCanonicalOrderUtf8_Record_SameCanonicalBytesAsTheUsualOptions()
    {
        var usual = CanonicalJson.Canonicalize(JsonSerializer.SerializeToUtf8Bytes(Record(), DomainJson.Options));

        Assert.Equal(Encoding.UTF8.GetString(usual), Encoding.UTF8.GetString(DomainJson.ToCanonicalOrderUtf8(Record())));
    }
}
