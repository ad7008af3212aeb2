using DataSpace.Rego.Builtins;

namespace DataSpace.Rego.Tests.Builtins;

/// <summary>
/// The quick reader of plain RFC 3339 timestamps answers only where the general Go layout parser
/// gives the same instant, and leaves every other text to it.
/// </summary>
public sealed class Rfc3339PlainTests
{
    public static TheoryData<string> Read => new()
    {
        "2026-11-28T06:30:00Z",
        "1970-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2024-02-29T12:00:00Z",
        "2026-11-28T06:30:00.5Z",
        "2026-11-28T06:30:00.123456789Z",
        "2026-11-28T06:30:00.000000001+08:00",
        "2026-11-28T06:30:00-05:30",
        "2026-11-28T06:30:00+14:00",
        "2026-11-28T06:30:00-00:00",
    };

    public static TheoryData<string> LeftToTheGeneralParser => new()
    {
        "2026-11-28t06:30:00Z",
        "2026-11-28T06:30:00z",
        "2026-11-28 06:30:00Z",
        "2026-11-28T06:30:00",
        "2026-11-28T06:30:00Z ",
        "2026-11-28T06:30Z",
        "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-11-00T00:00:00Z",
        "2026-11-28T24:00:00Z",
        "2026-11-28T06:60:00Z",
        "2026-11-28T06:30:60Z",
        "0000-01-01T00:00:00Z",
        "2026-11-28T06:30:00.Z",
        "2026-11-28T06:30:00.1234567890Z",
        "2026-11-28T06:30:00,5Z",
        "2026-11-28T06:30:00+15:00",
        "2026-11-28T06:30:00+08:60",
        "2026-11-28T06:30:00+0800",
        "2026-11-28T06:30:00+08",
        "２026-11-28T06:30:00Z",
        "+2026-11-28T06:30:00Z",
        "",
    };

    [Theory]
    [MemberData(nameof(Read))]
    public void PlainTimestamps_AreReadAsTheGeneralParserReadsThem(string text)
    {
        Assert.True(Rfc3339Plain.TryParse(text, out var quick));

        Assert.Equal(GoTimeLayout.Parse("RFC3339", text), quick);
    }

    [Theory]
    [MemberData(nameof(LeftToTheGeneralParser))]
    public void OtherText_IsLeftToTheGeneralParser(string text) =>
        Assert.False(Rfc3339Plain.TryParse(text, out _));

    [Fact]
    public void RandomInstants_AreReadAsTheGeneralParserReadsThem()
    {
        var random = new Random(20261128);
        for (var i = 0; i < 5000; i++)
        {
            var instant = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(-62_135_596_800, 253_402_300_799));
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var digits = random.Next(0, 10);
            var fraction = digits == 0 ? string.Empty : "." + random.NextInt64(0, (long)Math.Pow(10, digits)).ToString($"D{digits}", System.Globalization.CultureInfo.InvariantCulture);
            var local = instant.ToOffset(offset);
            if (local.Year < 1 || local.Year > 9999)
            {
                continue;
            }
            var zone = offset == TimeSpan.Zero && random.Next(2) == 0 ? "Z" : local.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture);
            var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + fraction + zone;

            Assert.True(Rfc3339Plain.TryParse(text, out var quick), text);
            Assert.Equal(GoTimeLayout.Parse("RFC3339", text), quick);
        }
    }
}
