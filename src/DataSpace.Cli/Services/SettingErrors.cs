using Microsoft.Extensions.Options;

namespace DataSpace.Cli.Services;

/// <summary>
/// Recognises the framework's own reports of a bad setting — a value that does not convert to its
/// type, or an options check that fails — so that the service commands answer them as the input
/// errors they are instead of as crashes.
/// </summary>
internal static class SettingErrors
{
    // ConfigurationBinder's message for a value of the wrong type; it names the key and the value.
    private const string ConversionFailure = "Failed to convert configuration value";

    /// <summary>What is wrong with the settings, or null when <paramref name="e"/> is not about them.</summary>
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        InvalidOperationException when e.Message.StartsWith(ConversionFailure, StringComparison.Ordinal) => e.Message,
        _ => null,
    };
}
