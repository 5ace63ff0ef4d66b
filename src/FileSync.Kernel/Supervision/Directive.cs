namespace FileSync.Kernel;

/// <summary>What a supervisor does with a child whose message handling failed.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; drop the failing message and go on.</summary>
    Resume,

    /// <summary>Replace the instance with a fresh one from the props; queued messages are kept.</summary>
    Restart,

    /// <summary>Stop the child for good.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, letting its own parent decide.</summary>
    Escalate,
}
