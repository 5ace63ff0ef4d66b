namespace FileSync.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed (node unreachable, node said no, bad input file, …); the reason is on stderr.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (unknown command, missing or malformed argument); nothing was sent.</summary>
    public const int BadArguments = 2;
}
