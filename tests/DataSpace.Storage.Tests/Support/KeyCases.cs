namespace DataSpace.Storage.Tests.Support;

/// <summary>Keys for every rule of <see cref="BlobKey"/>, each with a fragment its error message must contain.</summary>
public static class KeyCases
{
    public static TheoryData<string, string> Invalid => new()
    {
        { "", "empty" },
        { new string('a', 513), "the limit is 512" },
        { "88.608.8889/PRD\n0001", "control character U+000A" },
        { "88.608.8889/PRD\u00000001", "control character U+0000" },
        { "a/\u007F", "control character U+007F" },
        { "a/\uD800b", "unpaired surrogate" },
        { "/etc/passwd", "starts with '/'" },
        { "a\\b", "separated by '/'" },
        { "C:/windows", "':'" },
        { "a/b?", "'?'" },
        { "a//b", "empty segment" },
        { "a/b/", "empty segment" },
        { "..", "'..' segment" },
        { "a/../../etc", "'..' segment" },
        { "a/./b", "'.' segment" },
        { ".hidden", "reserved" },
        { "a/.meta.json", "reserved" },
        { "a/b.", "ends with '.'" },
        { "a/b ", "ends with ' '" },
        { "a/" + new string('é', 128), "256 UTF-8 bytes" },
    };

    public static TheoryData<string> Valid => new()
    {
        "88.608.8889/PRD-0001",
        "88.608.8889/PRD-0001/v2",
        "a",
        "a..b/c.d/e-f_g h",
        "数据/资产-1",
        "emoji/😀",
        new string('a', 255) + "/" + new string('b', 255),
    };
}
