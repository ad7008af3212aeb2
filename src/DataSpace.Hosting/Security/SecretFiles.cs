namespace DataSpace.Hosting.Security;

/// <summary>Writes secrets readable by their owner only, whole or not at all.</summary>
public static class SecretFiles
{
    /// <summary>Writes <paramref name="content"/> to a new file only its owner can read (mode 600 on Unix), through a temporary file.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: false);
    }
}
