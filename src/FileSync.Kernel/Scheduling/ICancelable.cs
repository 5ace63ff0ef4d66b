namespace FileSync.Kernel;

/// <summary>A handle on scheduled work.</summary>
public interface ICancelable
{
    void Cancel();

    bool IsCancellationRequested { get; }
}
