namespace FileSync.Sync.Synchronizers;

/// <summary>Published on the actor system's event stream when a synchronizer starts (notification <c>sync.started</c>).</summary>
public sealed record SynchronizerStarted(SynchronizerView Synchronizer);

/// <summary>Published when a synchronizer ends, completed or in error (notification <c>sync.completed</c>).</summary>
public sealed record SynchronizerCompleted(SynchronizerView Synchronizer);
