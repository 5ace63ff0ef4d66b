namespace FileSync.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed (bad input file, node said no, …); the reason is on stderr.</summary>
    public const int Failure = 1;
}
