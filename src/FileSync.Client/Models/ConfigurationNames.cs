namespace FileSync.Client;

/// <summary>Names of the well-known configuration documents of a file system.</summary>
public static class ConfigurationNames
{
    public const string SynchronizationDestinations = "Raven/Synchronization/Destinations";
    public const string SynchronizationConfig = "Raven/Synchronization/Config";
}
