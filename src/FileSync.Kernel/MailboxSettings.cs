namespace FileSync.Kernel;

/// <summary>Per-actor mailbox options carried by <see cref="Props"/>.</summary>
/// <param name="Throughput">Overrides <see cref="KernelSettings.Throughput"/> for this actor when set.</param>
public sealed record MailboxSettings(int? Throughput = null)
{
    public static MailboxSettings Default { get; } = new();
}
