using FileSync.Server.Http;

namespace FileSync.Server.Documents;

/// <summary>The RavenFS names of a file system's configuration documents, and the rule for any other name.</summary>
public static class ConfigDocumentNames
{
    public const string Destinations = "Raven/Synchronization/Destinations";
    public const string SynchronizationConfig = "Raven/Synchronization/Config";
    public const int MaxLength = 256;

    public static string Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new BadRequestException("The query parameter 'name' is required: the configuration document's name, e.g. 'Raven/Synchronization/Destinations'.");
        if (name.Length > MaxLength)
            throw new BadRequestException($"The configuration name is longer than {MaxLength} characters.");
        if (name.Any(char.IsControl))
            throw new BadRequestException("The configuration name contains a control character.");
        return name;
    }
}
