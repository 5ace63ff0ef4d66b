namespace FileSync.Persistence.Tests;

public sealed class PersistenceSettingsTests
{
    [Theory]
    [InlineData("sqlite", PersistenceProvider.Sqlite)]
    [InlineData("PostgreSQL", PersistenceProvider.PostgreSql)]
    public void Settings_parse_the_provider_key(string value, PersistenceProvider expected) =>
        Assert.Equal(expected, PersistenceSettings.ParseProvider(value));

    [Fact]
    public void Settings_name_the_key_when_the_provider_is_unknown()
    {
        var error = Assert.Throws<ArgumentException>(() => PersistenceSettings.ParseProvider("mysql"));

        Assert.Contains("filesync.persistence.provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_put_the_sqlite_file_in_the_data_directory_when_no_connection_string_is_given()
    {
        var settings = new PersistenceSettings();

        Assert.Equal($"Data Source={Path.Combine("/data/node-a", "filesync.db")}", settings.ResolveConnectionString("/data/node-a"));
    }

    [Fact]
    public void Settings_reject_postgres_without_a_connection_string_and_a_zero_batch_size()
    {
        Assert.Contains("connection-string", Assert.Throws<ArgumentException>(() => new PersistenceSettings(PersistenceProvider.PostgreSql).Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("batch-size", Assert.Throws<ArgumentException>(() => new PersistenceSettings(BatchSize: 0).Validate()).Message, StringComparison.Ordinal);
    }
}
